import { z } from 'zod';
import { Id } from './common.ts';

/**
 * One entry of a file's table of contents: from the PDF's outline (bookmarks) when it has one, otherwise
 * from its headings. `paragraphId` anchors it to the paragraph it leads to (ids are kept across
 * re-extractions where the text is unchanged); null when the entry points at a page with no text.
 */
export const TocEntry = z.object({
  label: z.string(),
  level: z.number().int().min(1).max(6).describe('1 for top-level entries'),
  page: z.number().int().min(1),
  paragraphId: Id.nullable(),
});
export type TocEntry = z.infer<typeof TocEntry>;

export const Toc = z.array(TocEntry);
export type Toc = z.infer<typeof Toc>;
