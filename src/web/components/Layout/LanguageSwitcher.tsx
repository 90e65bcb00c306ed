import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { DEFAULT_LANGUAGE, LANGUAGE_INFO, UI_LANGUAGES } from '../../../domain/languages.ts';
import { languageOfLocation } from '../../i18n/index.ts';

/**
 * The six languages, each named in itself, as plain links to this same page in that language: a new page
 * load, so the server sends the HTML with the right `lang`/`dir` and the catalogue arrives with it. On
 * desktop behind a button (a disclosure); in the phone menu as a list.
 */
export function LanguageSwitcher({ inline }: { inline: boolean }) {
  const { t } = useTranslation();
  const { pathname, search, hash } = useLocation();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const current = languageOfLocation() ?? DEFAULT_LANGUAGE;
  const rest = pathname === '/' ? '' : pathname;
  const boxRef = useRef<HTMLDivElement>(null);
  // Escape closes the open list and gives focus back to its button; focus or a click elsewhere closes it.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onOutside = (e: Event) => {
      if (!boxRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onOutside);
    document.addEventListener('pointerdown', onOutside);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onOutside);
      document.removeEventListener('pointerdown', onOutside);
    };
  }, [open]);

  const list = (
    <ul id={listId} className="lang-switch__list" hidden={!inline && !open}>
      {UI_LANGUAGES.map((code) => (
        <li key={code}>
          <a
            href={`/${code}${rest}${search}${hash}`}
            lang={LANGUAGE_INFO[code].htmlLang}
            hrefLang={LANGUAGE_INFO[code].htmlLang}
            dir={LANGUAGE_INFO[code].dir}
            aria-current={code === current ? 'true' : undefined}
          >
            {LANGUAGE_INFO[code].name}
          </a>
        </li>
      ))}
    </ul>
  );
  if (inline)
    return (
      <nav className="lang-switch lang-switch--inline" aria-label={t('nav.language')}>
        {list}
      </nav>
    );

  return (
    <div ref={boxRef} className="lang-switch lang-switch--popup">
      <button
        ref={buttonRef}
        type="button"
        className="lang-switch__button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="lang-switch__icon" aria-hidden="true" />
        <span className="visually-hidden">{t('nav.language')}: </span>
        <span lang={LANGUAGE_INFO[current].htmlLang}>{LANGUAGE_INFO[current].name}</span>
      </button>
      {list}
    </div>
  );
}
