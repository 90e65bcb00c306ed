import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session.ts';
import { FilterDrawer } from '../../components/FilterDrawer/FilterDrawer.tsx';
import { ErrorPanel } from '../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../components/Status/Loading.tsx';
import { ZipExport } from '../../components/ZipExport/ZipExport.tsx';
import { countFilters, filterOptions } from '../../lib/filters.ts';
import { useContentLanguage } from '../../lib/local.ts';
import { slugify } from '../../lib/slug.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useUrlFilters } from '../../lib/useUrlFilters.ts';
import { useSelection } from '../Editor/bulk/useSelection.ts';
import { BrowseFilters } from './BrowseFilters.tsx';
import { groupLabel, ResultCards, ResultTable } from './BrowseResults.tsx';
import { browseCsv, downloadText } from './browseCsv.ts';
import { type BrowseRow, useBrowse } from './useBrowse.ts';
import './Browse.css';

// Editors only: the bulk actions' code stays out of the readers' browse chunk (as in Search).
const BulkBar = lazy(() => import('../Editor/bulk/BulkBar.tsx'));

/** `/browse`: every profile, by region or by type, filtered across profiles and documents; all state in the URL. */
export default function BrowsePage() {
  const { t } = useTranslation();
  const lang = useContentLanguage();
  const { filters, params, setParam, clear } = useUrlFilters();
  const view = params.get('view') === 'table' ? 'table' : 'cards';
  const by = params.get('by') === 'type' ? 'type' : 'region';
  const { data, error, isLoading, result, textMode, isSearchMissing, searchError } = useBrowse(filters);
  useDocumentTitle(t('browse.title'));
  const canBulk = useCan('editor');
  const selection = useSelection();
  // Other filters show other profiles: the old ticks may not be among them.
  const clearSelection = selection.clear;
  const filterKey = JSON.stringify(filters);
  useEffect(() => {
    if (filterKey) clearSelection();
  }, [filterKey, clearSelection]);
  const sorted = useMemo(() => {
    if (!data || !result) return [];
    const groups = new Map<string, BrowseRow[]>();
    for (const row of result.rows) {
      const label = groupLabel(row, data, by);
      groups.set(label, [...(groups.get(label) ?? []), row]);
    }
    return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [data, result, by]);
  // The order on screen, group by group: a shift-click ticks the rows between, as they are seen.
  const ordered = useMemo(() => sorted.flatMap(([, rows]) => rows.map((r) => r.entity.id)), [sorted]);
  const position = useMemo(() => new Map(ordered.map((id, i) => [id, i])), [ordered]);

  if (error)
    return (
      <div className="page">
        <ErrorPanel error={error} />
      </div>
    );
  if (!data || !result)
    return (
      <div className="page">
        <Loading />
      </div>
    );

  const selectFor = canBulk
    ? (id: string) => ({
        checked: selection.selected.has(id),
        onToggle: (shift: boolean) => selection.toggle(ordered, position.get(id) ?? 0, shift),
      })
    : undefined;

  return (
    <div className="page browse">
      <h1>{t('browse.title')}</h1>
      <p className="page__lead">{t('browse.lead')}</p>
      <div className="browse__layout">
        <FilterDrawer title={t('browse.filtersLabel')} active={countFilters(filters)}>
          <BrowseFilters
            filters={filters}
            options={filterOptions(data)}
            data={data}
            setParam={setParam}
            onClear={() => clear(['view', 'by'])}
          />
        </FilterDrawer>
        <div className="browse__results">
          <div className="browse__bar">
            <p role="status" aria-live="polite" className="browse__count">
              {isLoading ? t('status.loading') : t('browse.resultCount', { count: result.rows.length })}
            </p>
            <div className="browse__switches">
              <button
                type="button"
                className="btn btn--small"
                disabled={result.rows.length === 0}
                onClick={() =>
                  downloadText(
                    browseCsv(result.rows, data, lang, window.location.origin),
                    'profiles.csv',
                    'text/csv;charset=utf-8',
                  )
                }
              >
                {t('browse.exportCsv')}
              </button>
              <ZipExport
                query=""
                templates={[...new Set(result.rows.map((r) => r.entity.template))].map((name) => ({
                  name,
                  label: data.templateByName.get(name)?.label ?? name,
                }))}
                lang={lang}
              />
              <fieldset className="switch">
                <legend className="visually-hidden">{t('browse.groupBy')}</legend>
                <span aria-hidden="true" className="switch__label">
                  {t('browse.groupBy')}
                </span>
                {(['region', 'type'] as const).map((value) => (
                  <button
                    key={value}
                    type="button"
                    className="btn btn--small"
                    aria-pressed={by === value}
                    onClick={() => setParam({ by: value === 'region' ? '' : value }, { push: true })}
                  >
                    {t(`browse.by.${value}`)}
                  </button>
                ))}
              </fieldset>
              <fieldset className="switch">
                <legend className="visually-hidden">{t('browse.viewAs')}</legend>
                <span aria-hidden="true" className="switch__label">
                  {t('browse.viewAs')}
                </span>
                {(['cards', 'table'] as const).map((value) => (
                  <button
                    key={value}
                    type="button"
                    className="btn btn--small"
                    aria-pressed={view === value}
                    onClick={() => setParam({ view: value === 'cards' ? '' : value }, { push: true })}
                  >
                    {t(`browse.view.${value}`)}
                  </button>
                ))}
              </fieldset>
            </div>
          </div>
          {textMode === 'titles' && isSearchMissing && (
            <p className="panel panel--notice" role="note">
              {t('browse.searchUnavailable')}
            </p>
          )}
          {searchError && <ErrorPanel error={searchError} />}
          {result.rows.length === 0 && <p className="muted">{t('browse.noResults')}</p>}
          {canBulk && result.rows.length > 0 && (
            <Suspense fallback={null}>
              <BulkBar
                allIds={() => Promise.resolve(ordered)}
                total={ordered.length}
                selected={selection.selected}
                onSelectAll={selection.setAll}
                onClear={selection.clear}
              />
            </Suspense>
          )}
          {sorted.map(([label, rows]) => (
            <section key={label} className="browse__group" aria-labelledby={`g-${slugify(label)}`}>
              <h2 id={`g-${slugify(label)}`} className="browse__group-title">
                {label} <span className="muted">({rows.length})</span>
              </h2>
              {view === 'table' ? (
                <ResultTable rows={rows} data={data} selectFor={selectFor} />
              ) : (
                <ResultCards rows={rows} data={data} by={by} selectFor={selectFor} />
              )}
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
