import type { Store, UserRecord } from '../store/store.ts';
import { type Actor, requireRole } from './permissions.ts';

/** Every account (admins only). */
export async function listUsers({ store, actor }: { store: Store; actor: Actor }): Promise<UserRecord[]> {
  requireRole(actor, 'admin');
  return store.users.list();
}
