import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FilterDrawer } from '../../components/FilterDrawer/FilterDrawer.tsx';
import { ErrorPanel } from '../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../components/Status/Loading.tsx';
import {
  buildIndex,
  countFilters,
  filterOptions,
  hasDocumentFilter,
  isFiltering,
  matchesProfile,
  profileCompleteness,
} from '../../lib/filters.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { usePortalData } from '../../lib/usePortalData.ts';
import { useUrlFilters } from '../../lib/useUrlFilters.ts';
import type { MapState } from '../Map/WorldMap.tsx';
import { stateIsoCode } from './isoCode.ts';
import { MapFilters } from './MapFilters.tsx';
import { MapLegend } from './MapLegend.tsx';
import { COMPLETENESS_COLOURS, completenessBucket, MATCH_COLOUR, NO_MATCH_COLOUR } from './mapColours.ts';
import { OrganisationList } from './OrganisationList.tsx';
import { StateList, type StateRow } from './StateList.tsx';
import './Home.css';

// d3-geo, topojson and the atlas load only with the map, after the page itself has rendered.
const WorldMap = lazy(() => import('../Map/WorldMap.tsx'));

/** Home: the world map of the 193 states coloured by completeness or by the active filter, with text lists. */
export default function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { filters, setParam, clear } = useUrlFilters();
  const needsDocuments = hasDocumentFilter(filters);
  const { data, error, isLoading } = usePortalData({ withDocuments: needsDocuments });
  useDocumentTitle(t('map.title'));

  const model = useMemo(() => {
    if (!data) return null;
    const options = filterOptions(data);
    const index = buildIndex(data);
    const template = data.templateByName.get(data.profileTemplates.state);
    const isActive = isFiltering(filters);
    const rows: StateRow[] = data.states.map((s) => ({
      entity: s,
      href: data.entityPath(s),
      share: profileCompleteness(s, template, index),
      isMatch: !isActive || matchesProfile(s, filters, index, options),
    }));
    return { options, rows, isActive, template };
  }, [data, filters]);

  if (error)
    return (
      <div className="page">
        <ErrorPanel error={error} />
      </div>
    );
  if (isLoading || !data || !model)
    return (
      <div className="page">
        <Loading />
      </div>
    );

  const mapStates: MapState[] = model.rows.map((r) => ({
    id: r.entity.id,
    name: r.entity.title,
    isoNumeric: stateIsoCode(r.entity.metadata, data.profileTemplates.isoNumeric),
    href: r.href,
    fill: model.isActive
      ? r.isMatch
        ? MATCH_COLOUR
        : NO_MATCH_COLOUR
      : (COMPLETENESS_COLOURS[completenessBucket(r.share)] ?? NO_MATCH_COLOUR),
  }));
  const matchCount = model.rows.filter((r) => r.isMatch).length;

  return (
    <div className="page home">
      <h1>{t('map.title')}</h1>
      <p className="page__lead">
        {t('map.lead', { states: data.states.length, organisations: data.organisations.length })}
      </p>
      <div className="home__layout">
        <div className="home__main">
          <FilterDrawer title={t('map.filtersLabel')} active={countFilters(filters)}>
            <MapFilters
              filters={filters}
              options={model.options}
              data={data}
              setParam={setParam}
              onClear={() => clear()}
            />
          </FilterDrawer>
          <p className="home__count" role="status" aria-live="polite">
            {model.isActive
              ? t('map.matchCount', { count: matchCount, total: data.states.length })
              : t('map.colouredByCompleteness')}
          </p>
          <a href="#state-list" className="home__skipmap">
            {t('map.skipToList')}
          </a>
          <Suspense fallback={<Loading label={t('map.loading')} />}>
            <WorldMap states={mapStates} onOpen={(href) => navigate(href)} label={t('map.label')} />
          </Suspense>
          <MapLegend isFiltering={model.isActive} />
        </div>
        <aside className="home__aside" aria-labelledby="org-list-title">
          <OrganisationList data={data} />
        </aside>
      </div>
      <StateList rows={model.rows} data={data} template={model.template} isFiltering={model.isActive} />
    </div>
  );
}
