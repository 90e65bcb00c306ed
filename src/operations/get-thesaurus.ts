import type { Thesaurus } from '../domain/schemas/thesaurus.ts';
import type { Store } from '../store/store.ts';
import { NotFound } from './errors.ts';

/** One thesaurus by name. */
export async function getThesaurus({ store, name }: { store: Store; name: string }): Promise<Thesaurus> {
  const thesaurus = await store.thesauri.findByName(name);
  if (!thesaurus) throw new NotFound('Thesaurus', name);
  return thesaurus;
}
