import { useMemo } from 'react';
import { useThesauri } from '../api/hooks.ts';

/** Returns a function giving the label of a thesaurus value (the id until thesauri load or when unknown). */
export function useValueLabel(): (thesaurus: string | undefined, id: string) => string {
  const { data } = useThesauri();
  return useMemo(() => {
    const labels = new Map<string, Map<string, string>>();
    for (const t of data ?? []) labels.set(t.name, new Map(t.values.map((v) => [v.id, v.label])));
    return (thesaurus, id) => (thesaurus ? labels.get(thesaurus)?.get(id) : undefined) ?? id;
  }, [data]);
}
