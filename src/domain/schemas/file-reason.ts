import { z } from 'zod';

/**
 * Why a file failed or needs attention, as stable codes beside the English `reason` (decision 64), so the
 * viewer and the files list say it in the reader's language. A reason may hold several sentences (a note
 * on picture pages followed by a damaged page), hence a list.
 */
export const FileReasonCode = z.enum([
  'tooLarge',
  'empty',
  'unprocessable',
  'unsupportedKind',
  'noText',
  'docxTooBig',
  'docxUnreadable',
  'tooManyParagraphs',
  'diskFull',
  'originalMissing',
  'pdfPassword',
  'pdfTruncated',
  'pdfDamaged',
  'pdfNoPages',
  'pdfNoTextLayer',
  'pdfBlank',
  'pagesUnreadable',
  'picturePages',
  'pictureAreas',
  'ocrText',
  'ocrEmptyPages',
  'tooSlow',
  'stalled',
  'tooMuchMemory',
  'ocrPageTooSlow',
  'ocrPageStalled',
  'ocrMissingTool',
  'ocrToolFailed',
]);
export type FileReasonCode = z.infer<typeof FileReasonCode>;

/** One sentence of a file's reason: its code and the values it names (pages, limits, a tool's own words). */
export const FileReasonNote = z.object({
  code: FileReasonCode,
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type FileReasonNote = z.infer<typeof FileReasonNote>;
