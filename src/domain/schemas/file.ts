import { z } from 'zod';
import { Id, LanguageCode, Problem, Timestamp } from './common.ts';
import { FileReasonNote } from './file-reason.ts';

/** Processing state of a file. `needs-ocr`: viewable, but it has no text layer to search. */
export const FILE_STATUSES = ['queued', 'processing', 'ready', 'failed', 'needs-ocr'] as const;
export const FileStatus = z.enum(FILE_STATUSES);
export type FileStatus = z.infer<typeof FileStatus>;

/** Kinds of file the ingest pipeline reads, detected from content (magic bytes), not from the name. */
export const FileKind = z.enum(['pdf', 'docx', 'html', 'text', 'unknown']);
export type FileKind = z.infer<typeof FileKind>;

/**
 * What a file is to its entity: its `document` (read, searched, shown in the viewer), an `attachment` (kept
 * and read beside it) or a `thumbnail` (an image standing for the document, kept as it is, not read).
 */
export const FileRole = z.enum(['document', 'attachment', 'thumbnail']);
export type FileRole = z.infer<typeof FileRole>;

/** An uploaded original of an entity. */
export const FileRecord = z.object({
  id: Id,
  entityId: Id,
  filename: z.string().describe('Name the file was uploaded with'),
  mimeType: z.string(),
  kind: FileKind,
  size: z.number().int().describe('Bytes'),
  sha256: z.string(),
  status: FileStatus,
  reason: z
    .string()
    .nullable()
    .describe('Why the file failed or needs attention, in words a person can act on'),
  reasonCodes: z
    .array(FileReasonNote)
    .optional()
    .describe(
      "The reason's sentences as codes and values, for a client to word in its language; [] when unknown",
    ),
  language: z.string().nullable(),
  pageCount: z.number().int().nullable(),
  paragraphCount: z.number().int().nullable(),
  progress: z.number().min(0).max(1).nullable().describe('Share of pages processed while processing'),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  role: FileRole.default('document').describe('What the file is to its entity'),
});
export type FileRecord = z.infer<typeof FileRecord>;

/** One original of a file: an earlier version kept when a new one replaced it, or the current one. */
export const FileVersion = z.object({
  version: z.number().int().min(1).describe('1 for the first upload, counting up with each new version'),
  current: z.boolean().describe('The original the file shows and searches now'),
  filename: z.string(),
  kind: FileKind,
  size: z.number().int().describe('Bytes'),
  sha256: z.string(),
  uploadedAt: Timestamp,
  replacedAt: Timestamp.nullable().describe('When the next version replaced it (null for the current one)'),
  downloadUrl: z.string().describe('Path of its bytes under the API'),
});
export type FileVersion = z.infer<typeof FileVersion>;

/** `GET /files/:id/download/:version`: which version's bytes. */
export const FileVersionParams = z.object({
  id: Id,
  version: z.coerce.number().int().min(1).max(1_000_000),
});

/** The file already in the collection with the same bytes (sha256) as an upload, and where to see it. */
export const DuplicateOf = z.object({
  fileId: Id,
  entityId: Id,
  entityTitle: z.string(),
  filename: z.string(),
  link: z.string().describe('Path of the web page showing the existing file'),
});
export type DuplicateOf = z.infer<typeof DuplicateOf>;

/** 409 answer to an upload whose bytes are already in the collection; nothing was stored. */
export const DuplicateFileProblem = Problem.extend({ duplicateOf: DuplicateOf });
export type DuplicateFileProblem = z.infer<typeof DuplicateFileProblem>;

/** `?duplicate=allow` stores a file even when the same bytes are already in the collection. */
export const UploadQuery = z.object({
  duplicate: z
    .enum(['refuse', 'allow'])
    .default('refuse')
    .describe('"allow" stores a copy of a file already in the collection; by default it is refused (409)'),
});

/** `POST /files/:id/ocr`: read a scanned PDF again with OCR in this language. */
export const OcrInput = z.object({
  language: z
    .string()
    .min(2)
    .max(10)
    .describe(
      'Tesseract language (eng, fra, spa, rus, ara, chi_sim) or its ISO 639-1 code (en, fr, es, ru, ar, zh)',
    ),
});
export type OcrInput = z.infer<typeof OcrInput>;

/** A rectangle on a page in PDF points, origin top-left (as the viewer draws it). */
export const Rect = z.object({
  page: z.number().int().min(1),
  x: z.number(),
  y: z.number(),
  w: z.number().min(0),
  h: z.number().min(0),
});
export type Rect = z.infer<typeof Rect>;

/** One line of a page with its geometry, for highlights. */
export const Line = z.object({ start: z.number().int(), end: z.number().int(), rect: Rect });
export type Line = z.infer<typeof Line>;

/** The text of one page (logical page for files without pages). */
export const Page = z.object({
  fileId: Id,
  number: z.number().int().min(1),
  width: z.number().describe('Page width in PDF points (0 for logical pages)'),
  height: z.number(),
  start: z.number().int().describe("Offset of the page's first character in the file's full text"),
  end: z.number().int(),
  text: z.string(),
  lines: z.array(Line),
});
export type Page = z.infer<typeof Page>;

/** A block of a file's text: the unit of search hits, links and suggestions. */
export const Paragraph = z.object({
  id: Id,
  fileId: Id,
  ordinal: z.number().int().min(0).describe('Position in reading order'),
  page: z.number().int().min(1),
  pageEnd: z.number().int().min(1).describe('Last page when the paragraph crosses a page break'),
  start: z.number().int().describe("Offset into the file's normalized full text"),
  end: z.number().int(),
  text: z.string(),
  isHeading: z.boolean(),
  language: LanguageCode.nullable(),
  rects: z.array(Rect),
});
export type Paragraph = z.infer<typeof Paragraph>;
