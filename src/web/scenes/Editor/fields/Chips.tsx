import { useTranslation } from 'react-i18next';

/** Chosen values (thesaurus values, related entities), each with a button that removes it. */
export function Chips({
  items,
  onRemove,
}: {
  items: { id: string; label: string }[];
  onRemove: (i: number) => void;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <ul className="echips">
      {items.map((item, i) => (
        <li key={item.id} className="echip">
          <span>{item.label}</span>
          <button
            type="button"
            className="echip__remove"
            aria-label={t('editor.remove', { name: item.label })}
            onClick={() => onRemove(i)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
