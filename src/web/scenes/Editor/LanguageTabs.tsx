import { type KeyboardEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_INFO, UI_LANGUAGES, type UiLanguage } from '../../../domain/languages.ts';

/**
 * The six languages the title and the texts are written in (tabs: arrows move, Home/End jump), each with how
 * much of it is written. Shared values (dates, selects, relations) are the same under every tab.
 */
export function LanguageTabs({
  current,
  own,
  panelId,
  counts,
  onPick,
}: {
  current: string;
  own: string;
  panelId: string;
  counts: Record<string, { filled: number; total: number }>;
  onPick: (lang: UiLanguage) => void;
}) {
  const { t } = useTranslation();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (e: KeyboardEvent, i: number) => {
    const last = UI_LANGUAGES.length - 1;
    const rtl = document.documentElement.dir === 'rtl';
    const next =
      e.key === (rtl ? 'ArrowLeft' : 'ArrowRight')
        ? i === last
          ? 0
          : i + 1
        : e.key === (rtl ? 'ArrowRight' : 'ArrowLeft')
          ? i === 0
            ? last
            : i - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : -1;
    if (next < 0) return;
    e.preventDefault();
    onPick(UI_LANGUAGES[next]!);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={t('editor.languages')} className="elangs">
      {UI_LANGUAGES.map((lang, i) => {
        const c = counts[lang] ?? { filled: 0, total: 0 };
        const complete = c.total > 0 && c.filled === c.total;
        return (
          <button
            key={lang}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`elang-${lang}`}
            aria-selected={lang === current}
            aria-controls={panelId}
            tabIndex={lang === current ? 0 : -1}
            className="elangs__tab"
            data-complete={complete}
            onClick={() => onPick(lang)}
            onKeyDown={(e) => move(e, i)}
          >
            <span lang={LANGUAGE_INFO[lang].htmlLang}>{LANGUAGE_INFO[lang].name}</span>
            <span className="elangs__count">
              {lang === own
                ? t('editor.ownLanguage')
                : t('editor.written', { filled: c.filled, total: c.total })}
            </span>
          </button>
        );
      })}
    </div>
  );
}
