import type { RelationType } from '../domain/schemas/reference.ts';
import type { Store } from '../store/store.ts';

/** Every relation type, by name (public). */
export const listRelationTypes = ({ store }: { store: Store }): Promise<RelationType[]> =>
  store.relationTypes.list();
