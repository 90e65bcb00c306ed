import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ZipExport } from '../../../components/ZipExport/ZipExport.tsx';
import { useContentLanguage } from '../../../lib/local.ts';
import { exportHref, SORTS, type Sort } from '../searchState.ts';

/** Result count (announced), sort select and export links. */
export function SearchToolbar({
  total,
  loading,
  sort,
  query,
  onSort,
  templates = [],
}: {
  total: number | undefined;
  loading: boolean;
  sort: Sort;
  query: string;
  onSort: (sort: Sort) => void;
  /** Templates a ZIP with files may be made of (signed-in accounts see the control). */
  templates?: { name: string; label: string }[];
}) {
  const { t } = useTranslation();
  const lang = useContentLanguage();
  const id = useId();
  return (
    <div className="sbar">
      <p role="status" aria-live="polite" className="sbar__count">
        {loading || total === undefined ? t('status.loading') : t('search.resultCount', { count: total })}
      </p>
      <div className="sbar__tools">
        <label htmlFor={id} className="sbar__sort">
          <span>{t('search.sortLabel')}</span>
          <select id={id} value={sort} onChange={(e) => onSort(e.target.value as Sort)}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`search.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="sbar__export">
          {t('search.export')}{' '}
          <a
            href={exportHref(query, 'csv', lang)}
            download
            aria-label={t('search.exportAs', { format: 'CSV' })}
          >
            CSV
          </a>
          {/* Links apart: "CSV, all languages" has a comma of its own (、 and ، in Chinese and Arabic). */}
          <span aria-hidden="true" className="muted">
            {' · '}
          </span>
          <a href={exportHref(query, 'csv', lang, true)} download title={t('search.exportAllLanguagesHint')}>
            {t('search.exportAllLanguages')}
          </a>
          <span aria-hidden="true" className="muted">
            {' · '}
          </span>
          <a href={exportHref(query, 'json')} download aria-label={t('search.exportAs', { format: 'JSON' })}>
            JSON
          </a>
        </span>
        <ZipExport
          query={query}
          templates={templates}
          lang={lang}
          initial={new URLSearchParams(query).get('template') ?? undefined}
        />
      </div>
    </div>
  );
}
