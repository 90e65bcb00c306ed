import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentsApi } from '../../../api/documents.ts';
import { Chips } from './Chips.tsx';
import { Combobox } from './Combobox.tsx';
import type { FieldProps } from './types.ts';

/**
 * Related entities by title: a type-ahead over /autocomplete restricted to the property's target template,
 * the chosen ones as chips. Titles of ids already set come from the entity's view (`titles`).
 */
export function RelationshipField(
  p: FieldProps & {
    targetTemplate: string | undefined;
    titles: Map<string, string>;
    onTitle: (id: string, title: string) => void;
  },
) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setTyped(text.trim()), 120);
    return () => clearTimeout(h);
  }, [text]);
  const ids = Array.isArray(p.value) ? (p.value as string[]) : [];
  const { data } = useQuery({
    queryKey: ['autocomplete', typed, p.targetTemplate ?? ''],
    queryFn: ({ signal }) => documentsApi.autocomplete(typed, p.targetTemplate, signal),
    enabled: typed.length > 0,
    staleTime: 60_000,
  });
  const options = (data?.items ?? [])
    .filter((o) => !ids.includes(o.id))
    .map((o) => ({ id: o.id, label: o.title }));
  return (
    <div className="echoice">
      <Chips
        items={ids.map((id) => ({ id, label: p.titles.get(id) ?? id }))}
        onRemove={(i) => {
          const next = ids.filter((_, j) => j !== i);
          p.onChange(next.length ? next : undefined);
        }}
      />
      <Combobox
        inputId={p.id}
        label={p.label}
        describedBy={p.describedBy}
        invalid={p.invalid}
        required={p.required}
        options={options}
        text={text}
        onText={setText}
        placeholder={t('editor.typeTitle')}
        emptyText={typed ? t('editor.noMatch') : t('editor.typeTitle')}
        onPick={(o) => {
          p.onTitle(o.id, o.label);
          p.onChange([...ids, o.id]);
          setText('');
        }}
      />
    </div>
  );
}
