import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entity } from '../../../domain/schemas/index.ts';

const MAX_OPTIONS = 50;

/** Ranks names that start with the typed text before names that only contain it. */
function rank(entities: Entity[], text: string): Entity[] {
  const q = text.trim().toLocaleLowerCase();
  if (!q) return entities.slice(0, MAX_OPTIONS);
  const starts: Entity[] = [];
  const contains: Entity[] = [];
  for (const e of entities) {
    const title = e.title.toLocaleLowerCase();
    if (title.startsWith(q)) starts.push(e);
    else if (title.includes(q)) contains.push(e);
  }
  return [...starts, ...contains].slice(0, MAX_OPTIONS);
}

/**
 * An editable combobox with list autocomplete (WAI-ARIA 1.2): type to narrow, arrows to move, Enter to pick,
 * Escape to close. Focus stays in the input; the active option is announced through aria-activedescendant.
 */
export function EntityCombobox({
  entities,
  label,
  typeLabel,
  disabled,
  onPick,
}: {
  entities: Entity[];
  label: string;
  typeLabel: (template: string) => string;
  disabled: boolean;
  onPick: (entity: Entity) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [isOpen, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const options = useMemo(() => rank(entities, text), [entities, text]);
  const activeOption = isOpen ? options[active] : undefined;

  const pick = (entity: Entity | undefined) => {
    if (!entity) return;
    onPick(entity);
    setText('');
    setOpen(false);
    setActive(0);
  };
  const handleKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!isOpen) setOpen(true);
      else setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      if (isOpen && activeOption) {
        e.preventDefault();
        pick(activeOption);
      }
    } else if (e.key === 'Escape') {
      if (isOpen) setOpen(false);
      else setText('');
    }
  };

  return (
    <div className="combo">
      <label htmlFor={`${id}-input`} className="combo__label">
        {label}
      </label>
      <input
        id={`${id}-input`}
        className="combo__input"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={isOpen}
        aria-controls={listId}
        aria-activedescendant={activeOption ? `${id}-opt-${activeOption.id}` : undefined}
        autoComplete="off"
        disabled={disabled}
        placeholder={disabled ? t('compare.full') : t('compare.pickHint')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={handleKey}
        onFocus={() => setOpen(false)}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <div id={listId} role="listbox" aria-label={label} className="combo__list" hidden={!isOpen}>
        {isOpen && options.length === 0 && <div className="combo__empty">{t('compare.noOptions')}</div>}
        {isOpen &&
          options.map((entity, i) => (
            // biome-ignore lint/a11y/useFocusableInteractive: options are reached through aria-activedescendant, focus stays in the input
            <div
              key={entity.id}
              id={`${id}-opt-${entity.id}`}
              role="option"
              aria-selected={i === active}
              className="combo__option"
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => pick(entity)}
              onKeyDown={() => undefined}
            >
              <span>{entity.title}</span>
              <span className="combo__type">{typeLabel(entity.template)}</span>
            </div>
          ))}
      </div>
    </div>
  );
}
