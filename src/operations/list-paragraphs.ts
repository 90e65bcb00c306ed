import type { Paragraph } from '../domain/schemas/file.ts';
import type { Store } from '../store/store.ts';
import { getFile } from './get-file.ts';
import type { Actor } from './permissions.ts';

/** Every paragraph of a visible file, in reading order. */
export async function listParagraphs({
  store,
  actor,
  fileId,
}: {
  store: Store;
  actor: Actor;
  fileId: string;
}): Promise<Paragraph[]> {
  await getFile({ store, actor, id: fileId });
  return store.pages.listParagraphs(fileId);
}
