import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { EntityView } from '../../../domain/schemas/index.ts';
import { useEntityViews } from '../../api/hooks.ts';
import { ErrorPanel } from '../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../components/Status/Loading.tsx';
import { localView, sectionLabel, useContentLanguage } from '../../lib/local.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { usePortalData } from '../../lib/usePortalData.ts';
import { CompareTable } from './CompareTable.tsx';
import { buildCompare } from './compareModel.ts';
import { EntityCombobox } from './EntityCombobox.tsx';
import './Compare.css';

/** How many profiles can sit side by side (as in the portal). */
export const MAX_COMPARED = 3;

/** `/compare?ids=a,b,c`: up to three states or organisations side by side, section by section. */
export default function ComparePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const ids = useMemo(
    () => [...new Set((params.get('ids') ?? '').split(',').filter(Boolean))].slice(0, MAX_COMPARED),
    [params],
  );
  const onlyDifferences = params.get('diff') === '1';
  const { data, error, isLoading } = usePortalData();
  const queries = useEntityViews(ids);
  const lang = useContentLanguage();
  useDocumentTitle(t('compare.title'));

  const views = queries
    .map((q) => q.data && data && localView(q.data, data.templates, lang))
    .filter((v): v is EntityView => Boolean(v));
  const viewError = queries.find((q) => q.error)?.error;
  const isViewsLoading = queries.some((q) => q.isPending);
  // Cheap (three profiles): rebuilt on each render rather than memoised on a list of query results.
  const groups =
    data && views.length === ids.length
      ? buildCompare(views, data.templates).map((g) => {
          const owner = data.templates.find((x) => x.sectionLabels?.[g.heading]);
          return { ...g, heading: sectionLabel(owner, g.heading, lang).text };
        })
      : [];

  const setIds = (next: string[]) =>
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      if (next.length) p.set('ids', next.join(','));
      else p.delete('ids');
      return p;
    });

  if (error)
    return (
      <div className="page">
        <ErrorPanel error={error} />
      </div>
    );
  if (isLoading || !data)
    return (
      <div className="page">
        <Loading />
      </div>
    );

  const typeLabel = (name: string) => data.templateByName.get(name)?.label ?? name;
  const candidates = data.profiles
    .filter((e) => !ids.includes(e.id))
    .sort((a, b) => a.title.localeCompare(b.title, lang));
  const picked = ids.map((id) => data.byId.get(id)).filter((e) => e !== undefined);

  return (
    <div className="page compare">
      <h1>{t('compare.title')}</h1>
      <p className="page__lead">{t('compare.lead', { max: MAX_COMPARED })}</p>
      <div className="compare__picker">
        <EntityCombobox
          entities={candidates}
          label={t('compare.pickLabel', { n: ids.length, max: MAX_COMPARED })}
          typeLabel={typeLabel}
          disabled={ids.length >= MAX_COMPARED}
          onPick={(entity) => setIds([...ids, entity.id])}
        />
        {picked.length > 0 && (
          <ul className="compare__picked" aria-label={t('compare.selected')}>
            {picked.map((entity) => (
              <li key={entity.id} className="compare__chip">
                <span>{entity.title}</span>
                <button
                  type="button"
                  className="compare__remove"
                  aria-label={t('compare.remove', { name: entity.title })}
                  onClick={() => setIds(ids.filter((id) => id !== entity.id))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        {views.length > 1 && (
          <label className="compare__diff">
            <input
              type="checkbox"
              checked={onlyDifferences}
              onChange={(e) =>
                setParams((prev) => {
                  const p = new URLSearchParams(prev);
                  if (e.target.checked) p.set('diff', '1');
                  else p.delete('diff');
                  return p;
                })
              }
            />{' '}
            {t('compare.onlyDifferences')}
          </label>
        )}
      </div>
      {viewError && <ErrorPanel error={viewError} />}
      {ids.length === 0 && <p className="panel">{t('compare.empty_state')}</p>}
      {ids.length > 0 && isViewsLoading && <Loading />}
      {groups.length > 0 && <CompareTable views={views} groups={groups} onlyDifferences={onlyDifferences} />}
    </div>
  );
}
