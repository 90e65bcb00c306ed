import type { TocEntry } from '../domain/schemas/toc.ts';
import type { Store } from '../store/store.ts';
import { getFile } from './get-file.ts';
import type { Actor } from './permissions.ts';

/**
 * A file's table of contents, visible when the file is: the entries written with its text (from the PDF's
 * outline or its headings). A file whose text was written before TOCs were stored gets its headings, all at
 * level 1, until it is extracted again (`cyberportal reindex`).
 */
export async function getFileToc({
  store,
  actor,
  fileId,
}: {
  store: Store;
  actor: Actor;
  fileId: string;
}): Promise<TocEntry[]> {
  const file = await getFile({ store, actor, id: fileId });
  const stored = await store.toc.forFile(file.id);
  if (stored.source !== null || !file.paragraphCount) return stored.entries;
  const paragraphs = await store.pages.listParagraphs(file.id);
  return paragraphs
    .filter((p) => p.isHeading)
    .map((p) => ({ label: p.text, level: 1, page: p.page, paragraphId: p.id }));
}
