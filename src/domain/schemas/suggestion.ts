import { z } from 'zod';

/** Longest selection suggestions are computed for (the same cap as a connection's quoted text). */
export const MAX_SUGGESTION_SOURCE = 20_000;

const optionalInt = (min: number) => z.coerce.number().int().min(min).optional();

/**
 * The query string of GET /suggestions: the passage being connected, given either as a paragraph or as a
 * range of a file's normalized full text (the server reads the text itself, so what is ranked is always
 * what is stored), and where to look.
 */
export const SuggestionQuery = z
  .object({
    paragraphId: z.string().max(64).optional().describe('Source paragraph (instead of fileId/start/end)'),
    fileId: z.string().max(64).optional().describe('Source file, with start and end'),
    start: optionalInt(0).describe("Offset of the selection's first character in the file's full text"),
    end: optionalInt(1).describe('Offset just after its last character'),
    targetEntityId: z
      .string()
      .max(64)
      .optional()
      .describe("Only paragraphs of this entity's files; otherwise the whole collection but the source file"),
    limit: z.coerce.number().int().min(1).max(20).default(5).describe('How many paragraphs (default 5)'),
  })
  .superRefine((q, ctx) => {
    const range = q.fileId !== undefined || q.start !== undefined || q.end !== undefined;
    if (q.paragraphId !== undefined && range) {
      ctx.addIssue({
        code: 'custom',
        path: ['paragraphId'],
        message: 'give paragraphId or fileId/start/end',
      });
      return;
    }
    if (q.paragraphId !== undefined) return;
    for (const key of ['fileId', 'start', 'end'] as const)
      if (q[key] === undefined)
        ctx.addIssue({ code: 'custom', path: [key], message: 'required without paragraphId' });
    if (q.start === undefined || q.end === undefined) return;
    if (q.end <= q.start)
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be greater than start' });
    else if (q.end - q.start > MAX_SUGGESTION_SOURCE)
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: `the selection may be at most ${MAX_SUGGESTION_SOURCE} characters`,
      });
  });
export type SuggestionQuery = z.output<typeof SuggestionQuery>;

export const SuggestionItem = z.object({
  paragraphId: z.string(),
  fileId: z.string(),
  entityId: z.string(),
  entityTitle: z.string(),
  page: z.number().int(),
  ordinal: z.number().int().describe('Position of the paragraph in its file, in reading order'),
  text: z.string().describe('The whole paragraph'),
  score: z.number().describe('Relevance, higher is better; comparable within one response only'),
  sharedTerms: z
    .array(z.string())
    .describe('Salient words of the selection found in this paragraph, as written here, lower case'),
  sharedPhrases: z
    .array(z.string())
    .describe(
      'Runs of two or more words the paragraph shares with the selection, as written here, lower case',
    ),
});
export type SuggestionItem = z.infer<typeof SuggestionItem>;

export const SuggestionResponse = z.object({
  items: z.array(SuggestionItem).describe('Best first'),
  terms: z
    .array(z.string())
    .describe('The salient words of the selection the paragraphs were searched for, most salient first'),
});
export type SuggestionResponse = z.infer<typeof SuggestionResponse>;
