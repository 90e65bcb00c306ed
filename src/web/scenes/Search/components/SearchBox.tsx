import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The query box: the URL changes on submit (Enter or the button), so history keeps one entry per search. */
export function SearchBox({ q, onSubmit }: { q: string; onSubmit: (q: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const id = useId();
  return (
    <search>
      <form
        className="sbox"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(text.trim());
        }}
      >
        <label htmlFor={id} className="sbox__label">
          {t('search.queryLabel')}
        </label>
        <div className="sbox__row">
          <input
            id={id}
            type="search"
            name="q"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('search.queryHint')}
            aria-describedby={`${id}-help`}
          />
          <button type="submit" className="btn btn--primary">
            {t('search.submit')}
          </button>
        </div>
        <p id={`${id}-help`} className="sbox__help muted">
          {t('search.syntax')}
        </p>
      </form>
    </search>
  );
}
