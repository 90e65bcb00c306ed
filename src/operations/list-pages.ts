import type { Page } from '../domain/schemas/file.ts';
import type { Store } from '../store/store.ts';
import { getFile } from './get-file.ts';
import type { Actor } from './permissions.ts';

/** Pages `from`..`to` of a visible file (all when omitted), with line geometry. */
export async function listPages({
  store,
  actor,
  fileId,
  from,
  to,
}: {
  store: Store;
  actor: Actor;
  fileId: string;
  from?: number;
  to?: number;
}): Promise<Page[]> {
  await getFile({ store, actor, id: fileId });
  return store.pages.listPages(fileId, from, to);
}
