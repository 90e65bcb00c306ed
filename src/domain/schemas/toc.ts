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

/**
 * A table of contents as an editor sets it (the whole list, in order): entries renamed, indented, outdented,
 * deleted or added at a paragraph. An entry's page follows its paragraph; `page` counts only without one.
 */
export const TocEdit = z.object({
  entries: z
    .array(
      z.object({
        label: z.string().trim().min(1).max(200),
        level: z.number().int().min(1).max(6),
        page: z.number().int().min(1),
        paragraphId: Id.nullable(),
      }),
    )
    .max(2000),
});
export type TocEdit = z.infer<typeof TocEdit>;
