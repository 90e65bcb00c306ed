import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localLabel } from '../../../../domain/localize.ts';
import type { Thesaurus } from '../../../../domain/schemas/index.ts';
import { indexOptions, searchOptions } from '../optionSearch.ts';
import { Chips } from './Chips.tsx';
import { Combobox } from './Combobox.tsx';
import type { FieldProps } from './types.ts';

/**
 * Select and multiselect bound to their thesaurus: the chosen values as chips, a type-ahead to add (or, for a
 * select, replace) one. Labels in the reader's language; the index is built once per thesaurus.
 */
export function ChoiceField(p: FieldProps & { thesaurus: Thesaurus | undefined; multiple: boolean }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const index = useMemo(
    () =>
      indexOptions(
        (p.thesaurus?.values ?? []).map((v) => ({
          id: v.id,
          label: localLabel(v.label, v.labels, i18n.language).text,
        })),
      ),
    [p.thesaurus, i18n.language],
  );
  const labelOf = useMemo(() => new Map(index.options.map((o) => [o.id, o.label])), [index]);
  const chosen: string[] = p.multiple
    ? Array.isArray(p.value)
      ? (p.value as string[])
      : []
    : typeof p.value === 'string' && p.value
      ? [p.value]
      : [];
  const chosenKey = chosen.join('\n');
  const options = useMemo(
    () => searchOptions(index, text, 50, new Set(chosenKey ? chosenKey.split('\n') : [])),
    [index, text, chosenKey],
  );
  return (
    <div className="echoice">
      <Chips
        items={chosen.map((id) => ({ id, label: labelOf.get(id) ?? id }))}
        onRemove={(i) => {
          const next = chosen.filter((_, j) => j !== i);
          p.onChange(p.multiple ? (next.length ? next : undefined) : undefined);
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
        placeholder={p.multiple || chosen.length === 0 ? t('editor.typeToChoose') : t('editor.typeToReplace')}
        emptyText={t('editor.noMatch')}
        onPick={(o) => {
          p.onChange(p.multiple ? [...chosen, o.id] : o.id);
          setText('');
        }}
      />
    </div>
  );
}
