import type { ReferenceList } from '../domain/schemas/reference-view.ts';
import type { Store } from '../store/store.ts';
import { type Actor, requireRole } from './permissions.ts';

/** Connections that could not be re-attached after a file changed, for an editor to fix (editors and up). */
export async function listOrphanedReferences({
  store,
  actor,
  limit = 100,
  offset = 0,
}: {
  store: Store;
  actor: Actor;
  limit?: number;
  offset?: number;
}): Promise<ReferenceList> {
  requireRole(actor, 'editor');
  return store.references.listOrphaned({ limit, offset, publishedOnly: false });
}
