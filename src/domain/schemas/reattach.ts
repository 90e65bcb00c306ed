import { z } from 'zod';
import { Id } from './common.ts';
import { ReferenceView } from './reference-view.ts';

/** Which end of a connection is being re-attached. */
export const ReattachSide = z.enum(['source', 'target']);
export type ReattachSide = z.infer<typeof ReattachSide>;

/** A paragraph of the new version proposed to hold a lost quote, best first. */
export const ReattachCandidate = z.object({
  paragraphId: Id,
  page: z.number().int(),
  start: z.number().int().describe("Offset of the paragraph in the file's normalized full text"),
  end: z.number().int(),
  text: z.string(),
  score: z.number().describe('0–1: how much of the lost quote, in order, with its context, it holds'),
});
export type ReattachCandidate = z.infer<typeof ReattachCandidate>;

/** `GET /references/:id/reattach`: the orphaned connection, its lost end and where it could go now. */
export const ReattachProposal = z.object({
  reference: ReferenceView,
  side: ReattachSide.describe('The end whose quote is no longer found (the source when both are)'),
  fileId: Id,
  filename: z.string(),
  fileStatus: z.string().describe('The file’s processing status; candidates come once it is ready'),
  lost: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() }),
  candidates: z.array(ReattachCandidate).describe('At most five, best first'),
});
export type ReattachProposal = z.infer<typeof ReattachProposal>;

/** `POST /references/:id/reattach`: the new range of the lost end in its file's current text. */
export const ReattachInput = z
  .object({
    side: ReattachSide,
    start: z.number().int().min(0),
    end: z.number().int().min(1),
  })
  .refine((v) => v.end > v.start, { path: ['end'], message: 'must be greater than start' });
export type ReattachInput = z.infer<typeof ReattachInput>;
