import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, isUiLanguage, LANGUAGE_INFO } from '../../../domain/languages.ts';
import type { LocalLabel } from '../../../domain/localize.ts';
import { fallbackOf } from '../../lib/local.ts';
import './Shown.css';

/**
 * The "not translated" mark beside a value shown in another language than the reader's: visible text (so
 * it is read aloud and seen), with the language it is in as its title.
 */
export function NotTranslated({ lang }: { lang: string }) {
  const { t } = useTranslation();
  const language = isUiLanguage(lang) ? LANGUAGE_INFO[lang].name : lang;
  return (
    <span className="untranslated" title={t('content.shownIn', { language })}>
      {t('content.notTranslated')}
    </span>
  );
}

/**
 * The direction of a fallback text, set on its element so that English inside an Arabic page keeps its own
 * order (the dir attribute isolates it: "Act, 2018." not ".Act, 2018").
 */
const dirOf = (lang: string) => (isUiLanguage(lang) ? LANGUAGE_INFO[lang].dir : 'auto');

/**
 * A field of a display copy (src/web/lib/local.ts): the text as is when it is in the reader's language,
 * else the fallback text in a span carrying its own `lang` (so a screen reader pronounces it as written)
 * followed by the "not translated" mark. `children` replaces the field's text when the caller formats it.
 */
export function Shown({
  of,
  field,
  children,
  mark = true,
  block = false,
}: {
  of: object | undefined;
  field: string;
  children?: ReactNode;
  /** false: only the `lang` attribute, for tight places (chips, options) where a mark would crowd. */
  mark?: boolean;
  /** The text is block content (markdown): wrapped in a div, the mark on its own line after it. */
  block?: boolean;
}) {
  const text = children ?? (of as Record<string, ReactNode> | undefined)?.[field];
  const lang = fallbackOf(of, field);
  if (!lang) return <>{text}</>;
  if (block)
    return (
      <div className="shown">
        <div lang={lang} dir={dirOf(lang)}>
          {text}
        </div>
        {mark && <NotTranslated lang={lang} />}
      </div>
    );
  return (
    <>
      <span lang={lang} dir={dirOf(lang)}>
        {text}
      </span>
      {mark && (
        <>
          {' '}
          <NotTranslated lang={lang} />
        </>
      )}
    </>
  );
}

/** A label picked by localLabel: as is when translated, else in the default language with the mark. */
export function ShownLabel({ label, mark = true }: { label: LocalLabel; mark?: boolean }) {
  if (label.translated) return <>{label.text}</>;
  return (
    <>
      <span lang={DEFAULT_LANGUAGE} dir={dirOf(DEFAULT_LANGUAGE)}>
        {label.text}
      </span>
      {mark && (
        <>
          {' '}
          <NotTranslated lang={DEFAULT_LANGUAGE} />
        </>
      )}
    </>
  );
}
