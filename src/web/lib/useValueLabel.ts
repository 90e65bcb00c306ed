import { useMemo } from 'react';
import { useLocalThesauri } from './local.ts';

/**
 * Returns a function giving the label of a thesaurus value in the reader's language (the id until thesauri
 * load or when unknown).
 */
export function useValueLabel(): (thesaurus: string | undefined, id: string) => string {
  const { data } = useLocalThesauri();
  return useMemo(() => {
    const labels = new Map<string, Map<string, string>>();
    for (const t of data ?? []) labels.set(t.name, new Map(t.values.map((v) => [v.id, v.label])));
    return (thesaurus, id) => (thesaurus ? labels.get(thesaurus)?.get(id) : undefined) ?? id;
  }, [data]);
}
