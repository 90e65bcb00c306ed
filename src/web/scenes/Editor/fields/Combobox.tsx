import { type KeyboardEvent, useState } from 'react';

export type ComboOption = { id: string; label: string; hint?: string };

/**
 * An editable combobox with list autocomplete (WAI-ARIA 1.2) for the editor's select and relationship fields:
 * type to narrow, arrows to move, Enter to pick, Escape to close. Focus stays in the input; the parent decides
 * which options match (in memory for a thesaurus, from /autocomplete for titles).
 */
export function Combobox({
  inputId,
  label,
  describedBy,
  invalid,
  options,
  text,
  onText,
  onPick,
  placeholder,
  emptyText,
  required,
}: {
  inputId: string;
  label: string;
  describedBy?: string;
  invalid?: boolean;
  options: ComboOption[];
  text: string;
  onText: (text: string) => void;
  onPick: (option: ComboOption) => void;
  placeholder?: string;
  emptyText: string;
  required?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = `${inputId}-list`;
  const current = open ? options[Math.min(active, options.length - 1)] : undefined;
  const pick = (o: ComboOption | undefined) => {
    if (!o) return;
    onPick(o);
    setOpen(false);
    setActive(0);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter' && open) {
      e.preventDefault();
      pick(current);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };
  return (
    <div className="ecombo">
      <input
        id={inputId}
        className="ecombo__input"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={current ? `${listId}-${current.id}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        aria-required={required || undefined}
        autoComplete="off"
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          onText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKey}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <div id={listId} role="listbox" aria-label={label} className="ecombo__list" hidden={!open}>
        {open && options.length === 0 && <div className="ecombo__empty">{emptyText}</div>}
        {open &&
          options.map((o) => (
            // biome-ignore lint/a11y/useFocusableInteractive: options are reached through aria-activedescendant, focus stays in the input
            <div
              key={o.id}
              id={`${listId}-${o.id}`}
              role="option"
              aria-selected={o === current}
              className="ecombo__option"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(o)}
              onKeyDown={() => undefined}
            >
              <span>{o.label}</span>
              {o.hint && <span className="ecombo__hint">{o.hint}</span>}
            </div>
          ))}
      </div>
    </div>
  );
}
