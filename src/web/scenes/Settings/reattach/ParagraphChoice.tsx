import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReattachCandidate } from '../../../../domain/schemas/index.ts';

/** A range of the file's text the connection would be re-attached to. */
export type Choice = { start: number; end: number; text: string };

/**
 * The selection inside one paragraph's text, as offsets in the file's text (the paragraph's own start plus
 * the selection's place in it), white space trimmed; null when nothing is selected there.
 */
function selectionIn(element: HTMLElement, paragraph: ReattachCandidate): Choice | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!element.contains(range.startContainer) || !element.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(element);
  before.setEnd(range.startContainer, range.startOffset);
  let from = before.toString().length;
  let to = from + range.toString().length;
  const text = paragraph.text;
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  if (to <= from) return null;
  return { start: paragraph.start + from, end: paragraph.start + to, text: text.slice(from, to) };
}

/**
 * One paragraph to re-attach to: a radio choosing the whole paragraph, and its text, in which selecting a
 * passage (mouse, or Shift+arrows after clicking into it) chooses that passage instead.
 */
export function ParagraphChoice({
  paragraph,
  rank,
  chosen,
  onChoose,
}: {
  paragraph: ReattachCandidate;
  rank: number | null;
  chosen: Choice | null;
  onChoose: (choice: Choice) => void;
}) {
  const { t } = useTranslation();
  const text = useRef<HTMLParagraphElement>(null);
  const inside = chosen !== null && chosen.start >= paragraph.start && chosen.end <= paragraph.end;
  const whole = inside && chosen.start === paragraph.start && chosen.end === paragraph.end;
  const pick = () => {
    const selected = text.current && selectionIn(text.current, paragraph);
    if (selected) onChoose(selected);
  };
  return (
    <li className={`panel settings__choice${inside ? ' settings__choice--on' : ''}`}>
      <label className="settings__row settings__row--tight">
        <input
          type="radio"
          name="reattach-paragraph"
          checked={inside}
          onChange={() => onChoose({ start: paragraph.start, end: paragraph.end, text: paragraph.text })}
        />
        <span>
          {rank !== null
            ? t('settings.reattach.candidate', {
                rank,
                page: paragraph.page,
                score: Math.round(paragraph.score * 100),
              })
            : t('settings.reattach.paragraphOnPage', { page: paragraph.page })}
          {inside && !whole && <span className="settings__badge">{t('settings.reattach.part')}</span>}
        </span>
      </label>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so a keyboard can select text in it */}
      <p ref={text} className="settings__choice-text" tabIndex={0} onMouseUp={pick} onKeyUp={pick}>
        {paragraph.text}
      </p>
    </li>
  );
}
