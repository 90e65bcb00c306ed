import type { TocEdit, TocEntry } from '../domain/schemas/toc.ts';
import type { Store } from '../store/store.ts';
import { ValidationFailed } from './errors.ts';
import { getFile } from './get-file.ts';
import { type Actor, requireRole } from './permissions.ts';
import { recordActivity } from './record-activity.ts';

/**
 * Replaces a file's table of contents with an editor's list (editors): entries anchored to paragraphs of the
 * file take their paragraph's page, and the list then outlives re-extractions of the file (each entry follows
 * its paragraph while its text is unchanged). A level may go at most one deeper than the entry above, so
 * the list is always a tree.
 */
export async function editFileToc({
  store,
  actor,
  fileId,
  input,
}: {
  store: Store;
  actor: Actor;
  fileId: string;
  input: TocEdit;
}): Promise<TocEntry[]> {
  const who = requireRole(actor, 'editor');
  const file = await getFile({ store, actor, id: fileId });
  const pageOf = new Map((await store.pages.listParagraphs(file.id)).map((p) => [p.id, p.page]));
  const problems: Array<{ path: string; message: string }> = [];
  const entries = input.entries.map((e, i) => {
    const above = i === 0 ? 0 : input.entries[i - 1]!.level;
    if (e.level > above + 1)
      problems.push({
        path: `entries.${i}.level`,
        message: `level ${e.level} under an entry at level ${above || 'none'}: indent one level at a time`,
      });
    if (e.paragraphId !== null && !pageOf.has(e.paragraphId))
      problems.push({ path: `entries.${i}.paragraphId`, message: 'not a paragraph of this file' });
    const page = e.paragraphId === null ? e.page : (pageOf.get(e.paragraphId) ?? e.page);
    return { label: e.label, level: e.level, page, paragraphId: e.paragraphId };
  });
  if (problems.length > 0) throw new ValidationFailed(problems);
  await store.transaction(async (tx) => {
    await tx.toc.replace(file.id, entries, 'edited');
    await recordActivity({
      store: tx,
      actor: who,
      action: 'edit-toc',
      targetType: 'file',
      targetId: file.id,
      summary: `Edited the table of contents of ${file.filename} (${entries.length} entries)`,
    });
  });
  return entries;
}
