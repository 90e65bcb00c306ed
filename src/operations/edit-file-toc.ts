import type { TocEdit, TocEntry } from '../domain/schemas/toc.ts';
import type { Store } from '../store/store.ts';
import { ValidationFailed } from './errors.ts';
import { getFile } from './get-file.ts';
import { type Actor, requireRole } from './permissions.ts';
import { recordActivity } from './record-activity.ts';

/**
 * Replaces a file's table of contents with an editor's list (editors): entries anchored to paragraphs of the
 * file take their paragraph's page, and the list then outlives re-extractions of the file (each entry follows
 * its paragraph while its text is unchanged). Levels are not forced into a strict tree: the TOCs made from
 * headings skip levels (a document whose first heading is not its largest), and what GET gives must be
 * accepted back by PUT.
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
      note: { code: 'file.tocEdited', params: { filename: file.filename, entries: entries.length } },
    });
  });
  return entries;
}
