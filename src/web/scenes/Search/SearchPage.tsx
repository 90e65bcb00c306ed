import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BULK_EDIT_MAX } from '../../../domain/schemas/index.ts';
import { LANGUAGE_FACET } from '../../../domain/text-analysis/language-facet.ts';
import { allIdsOfQuery } from '../../api/search.ts';
import { useCan } from '../../api/session.ts';
import { FilterDrawer } from '../../components/FilterDrawer/FilterDrawer.tsx';
import { ErrorPanel } from '../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../components/Status/Loading.tsx';
import { useLocalTemplates } from '../../lib/local.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useUrlFilters } from '../../lib/useUrlFilters.ts';
import { useSelection } from '../Editor/bulk/useSelection.ts';
import { FacetPanel } from './components/FacetPanel.tsx';
import { ResultCard } from './components/ResultCard.tsx';
import { SearchBox } from './components/SearchBox.tsx';
import { SearchToolbar } from './components/SearchToolbar.tsx';
import { apiQuery, facetChanges, hasCriteria, readSearchState } from './searchState.ts';
import { useSearch } from './useSearch.ts';
import './Search.css';

// Editors only: the bulk actions' code stays out of the readers' search chunk.
const BulkBar = lazy(() => import('../Editor/bulk/BulkBar.tsx'));

/** `/search`: full text across profiles and documents, with facets; the whole state is in the URL. */
export default function SearchPage() {
  const { t, i18n } = useTranslation();
  const { params, setParam, clear } = useUrlFilters();
  const state = useMemo(() => readSearchState(params), [params]);
  const query = useMemo(() => apiQuery(params), [params]);
  const active = hasCriteria(state);
  const search = useSearch(query, active);
  const templates = useLocalTemplates();
  useDocumentTitle(state.q ? t('search.titleFor', { q: state.q }) : t('search.title'));
  const canBulk = useCan('editor');
  const selection = useSelection();
  // A new search starts with nothing ticked: the old ticks may not be among its results.
  const clearSelection = selection.clear;
  useEffect(() => {
    if (query !== undefined) clearSelection();
  }, [query, clearSelection]);

  const labels = useMemo(() => {
    const props = new Map<string, string>();
    const tpls = new Map<string, string>();
    for (const tpl of templates.data ?? []) {
      tpls.set(tpl.name, tpl.label);
      for (const p of tpl.properties) if (!props.has(p.name)) props.set(p.name, p.label);
    }
    return { props, tpls };
  }, [templates.data]);

  const pages = search.data?.pages ?? [];
  const first = pages[0];
  const items = pages.flatMap((p) => p.items);
  const hints = [...new Set(pages.flatMap((p) => p.hints))];
  // A facet with nothing to tick (no value, no "no value", nothing selected) is left out.
  const facets = Object.entries(first?.facets ?? {}).filter(
    ([name, c]) => c.buckets.length > 0 || c.missing > 0 || state.facets[name] !== undefined,
  );
  // "Only in my language" is the language facet with the reader's language alone ticked: the server then
  // also reads the words as that language only (src/domain/text-analysis/language-facet.ts).
  const language = i18n.language;
  const ticked = state.facets[LANGUAGE_FACET];
  const onlyMine = ticked?.values.length === 1 && ticked.values[0] === language && !ticked.missing;

  return (
    <div className="page ssearch">
      <h1>{t('search.title')}</h1>
      <SearchBox q={state.q} onSubmit={(q) => setParam({ q }, { push: true })} />
      <label className="ssearch__only-language">
        <input
          type="checkbox"
          checked={onlyMine}
          onChange={(e) =>
            setParam(
              facetChanges(LANGUAGE_FACET, {
                values: e.target.checked ? [language] : [],
                op: 'or',
                missing: false,
              }),
              { push: true },
            )
          }
        />{' '}
        {t('search.onlyMyLanguage')}
      </label>
      {!active ? (
        <p className="panel ssearch__empty">{t('search.start')}</p>
      ) : (
        <div className="ssearch__layout">
          <FilterDrawer
            title={t('search.facetsLabel')}
            active={Object.values(state.facets).filter((f) => f.values.length > 0 || f.missing).length}
          >
            <aside className="ssearch__facets" aria-label={t('search.facetsLabel')}>
              <h2 className="ssearch__facets-title">{t('search.facetsTitle')}</h2>
              {facets.length === 0 && <p className="muted">{t('search.noFacets')}</p>}
              {facets.map(([name, counts]) => (
                <FacetPanel
                  key={name}
                  name={name}
                  label={
                    name === LANGUAGE_FACET ? t('search.languageFacet') : (labels.props.get(name) ?? name)
                  }
                  counts={counts}
                  selection={state.facets[name] ?? { values: [], op: 'or', missing: false }}
                  onChange={(sel) => setParam(facetChanges(name, sel), { push: true })}
                />
              ))}
              <button type="button" className="btn btn--small" onClick={() => clear(['q', 'sort'])}>
                {t('filters.clear')}
              </button>
            </aside>
          </FilterDrawer>
          <div className="ssearch__results">
            <SearchToolbar
              total={first?.total}
              loading={search.isLoading}
              sort={state.sort}
              query={query}
              onSort={(sort) => setParam({ sort: sort === 'relevance' ? '' : sort }, { push: true })}
              templates={templates.data ?? []}
            />
            {hints.length > 0 && (
              <ul className="panel panel--notice ssearch__hints" aria-label={t('search.hintsLabel')}>
                {hints.map((h) => (
                  <li key={h}>{h}</li>
                ))}
              </ul>
            )}
            {search.error && <ErrorPanel error={search.error} />}
            {search.isLoading && <Loading />}
            {first && items.length === 0 && (
              <div className="panel ssearch__empty">
                <p>{t('search.noResults')}</p>
                <p className="muted">{t('search.noResultsHelp')}</p>
              </div>
            )}
            {canBulk && first && first.total > 0 && (
              <Suspense fallback={null}>
                <BulkBar
                  allIds={() => allIdsOfQuery(query, BULK_EDIT_MAX)}
                  total={first.total}
                  selected={selection.selected}
                  onSelectAll={selection.setAll}
                  onClear={selection.clear}
                />
              </Suspense>
            )}
            {items.length > 0 && (
              <ol className="ssearch__list">
                {items.map((item, index) => (
                  <ResultCard
                    key={item.entity.id}
                    item={item}
                    select={
                      canBulk
                        ? {
                            checked: selection.selected.has(item.entity.id),
                            onToggle: (shift) =>
                              selection.toggle(
                                items.map((x) => x.entity.id),
                                index,
                                shift,
                              ),
                          }
                        : undefined
                    }
                  />
                ))}
              </ol>
            )}
            {search.hasNextPage && (
              <button
                type="button"
                className="btn ssearch__more"
                disabled={search.isFetchingNextPage}
                onClick={() => search.fetchNextPage()}
              >
                {search.isFetchingNextPage ? t('status.loading') : t('search.loadMore')}
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
