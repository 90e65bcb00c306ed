import { useTranslation } from 'react-i18next';

/** How a result is ticked for bulk work: its state and the click (shift-click extends a range). */
export type Selectable = { checked: boolean; onToggle: (shift: boolean) => void };

/**
 * The tick box of one result, in Search and in Browse alike. The click is read (not the change) because only
 * the click says whether Shift was held; Space on the focused box clicks it too, so ranges work by keyboard.
 */
export function SelectBox({ select, title }: { select: Selectable; title: string }) {
  const { t } = useTranslation();
  return (
    <input
      type="checkbox"
      className="sresult__select"
      checked={select.checked}
      aria-label={t('editor.selectResult', { title })}
      onChange={() => undefined}
      onClick={(e) => select.onToggle(e.shiftKey)}
    />
  );
}
