import type { Thesaurus } from '../domain/schemas/thesaurus.ts';
import type { Store } from '../store/store.ts';

/** Every thesaurus; vocabularies are public so readers can label values and facets. */
export const listThesauri = ({ store }: { store: Store }): Promise<Thesaurus[]> => store.thesauri.list();
