import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentsApi } from '../../../api/documents.ts';

export type PickedEntity = { id: string; title: string; template: string };

/**
 * Title autocomplete over the whole collection (documents, states, organisations) as a WAI-ARIA combobox:
 * type, arrows to move, Enter to pick, Escape to close.
 */
export function TitleAutocomplete({
  label,
  exclude,
  onPick,
}: {
  label: string;
  exclude?: string;
  onPick: (e: PickedEntity) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  useEffect(() => {
    const h = setTimeout(() => setDebounced(text.trim()), 120);
    return () => clearTimeout(h);
  }, [text]);
  const { data } = useQuery({
    queryKey: ['autocomplete', debounced],
    queryFn: ({ signal }) => documentsApi.autocomplete(debounced, undefined, signal),
    enabled: debounced.length > 0,
    staleTime: 60_000,
  });
  const options = (data?.items ?? []).filter((o) => o.id !== exclude);
  const pick = (o: PickedEntity | undefined) => {
    if (!o) return;
    onPick(o);
    setText(o.title);
    setOpen(false);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter' && open) {
      e.preventDefault();
      pick(options[Math.max(active, 0)]);
    } else if (e.key === 'Escape') setOpen(false);
  };
  const showList = open && options.length > 0;
  return (
    <div className="combo">
      <label className="field" htmlFor={`${id}-input`}>
        <span>{label}</span>
      </label>
      <input
        id={`${id}-input`}
        className="combo__input"
        role="combobox"
        aria-expanded={showList}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${id}-o${active}` : undefined}
        value={text}
        placeholder={t('connect.targetPlaceholder')}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKey}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        autoComplete="off"
      />
      <div id={`${id}-list`} role="listbox" aria-label={label} className="combo__list" hidden={!showList}>
        {options.map((o, i) => (
          // biome-ignore lint/a11y/useFocusableInteractive: options are reached through aria-activedescendant, focus stays in the input
          <div
            key={o.id}
            id={`${id}-o${i}`}
            role="option"
            aria-selected={i === active}
            className="combo__option"
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => pick(o)}
            onKeyDown={() => undefined}
          >
            {o.title}{' '}
            <span className="muted">
              · {t(`connect.template.${o.template}`, { defaultValue: o.template })}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
