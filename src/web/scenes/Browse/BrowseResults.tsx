import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Shown } from '../../components/Shown/Shown.tsx';
import { formatPartialDate, percent } from '../../lib/format.ts';
import { pickProperty } from '../../lib/templates.ts';
import type { PortalData } from '../../lib/usePortalData.ts';
import { type Selectable, SelectBox } from '../Editor/bulk/SelectBox.tsx';
import type { BrowseRow } from './useBrowse.ts';

/** For editors: the tick box of each row (none for readers). */
type SelectFor = ((id: string) => Selectable) | undefined;

/** The label of the group a row falls in (region for states, kind for organisations, or the profile type). */
export function groupLabel(row: BrowseRow, data: PortalData, by: 'region' | 'type'): string {
  const template = data.templateByName.get(row.entity.template);
  if (by === 'type') return template?.label ?? row.entity.template;
  const prop = pickProperty(
    template,
    row.entity.template === data.profileTemplates.state ? 'region' : 'kind',
    ['select'],
  );
  const value = prop ? row.entity.metadata[prop.name] : undefined;
  return typeof value === 'string' ? data.valueLabel(prop?.thesaurus, value) : (template?.label ?? '');
}

function Meter({ share }: { share: number }) {
  const { t } = useTranslation();
  return (
    <span className="meter" title={t('browse.completeness')}>
      <span className="meter__bar" aria-hidden="true">
        <span style={{ inlineSize: `${percent(share)}%` }} />
      </span>
      {t('map.percent', { value: percent(share) })}
    </span>
  );
}

/** Results as cards: title, type and group, completeness, and the matching documents (first three). */
export function ResultCards({
  rows,
  data,
  by,
  selectFor,
}: {
  rows: BrowseRow[];
  data: PortalData;
  by: 'region' | 'type';
  selectFor?: SelectFor;
}) {
  const { t } = useTranslation();
  return (
    <ul className="cards">
      {rows.map((row) => (
        <li key={row.entity.id} className="card">
          <h3 className="card__title">
            {selectFor && <SelectBox select={selectFor(row.entity.id)} title={row.entity.title} />}
            <Link to={data.entityPath(row.entity)}>
              <Shown of={row.entity} field="title" />
            </Link>
          </h3>
          <p className="card__meta">
            {data.templateByName.get(row.entity.template)?.label}
            {by === 'type' ? ` · ${groupLabel(row, data, 'region')}` : ''}
          </p>
          <Meter share={row.share} />
          {row.documents.length > 0 && (
            <div className="card__docs">
              <span className="muted">{t('browse.documentCount', { count: row.documents.length })}</span>
              <ul>
                {row.documents.slice(0, 3).map((d) => (
                  <li key={d.id}>
                    <Link to={`/documents/${d.id}`}>
                      <Shown of={d} field="title" />
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Results as a table, one row per profile. */
export function ResultTable({
  rows,
  data,
  selectFor,
}: {
  rows: BrowseRow[];
  data: PortalData;
  selectFor?: SelectFor;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="tablewrap">
      <table className="rtable">
        <thead>
          <tr>
            {selectFor && (
              <th scope="col">
                <span className="visually-hidden">{t('editor.selectColumn')}</span>
              </th>
            )}
            <th scope="col">{t('browse.colName')}</th>
            <th scope="col">{t('browse.colType')}</th>
            <th scope="col">{t('browse.colGroup')}</th>
            <th scope="col">{t('browse.colCompleteness')}</th>
            <th scope="col">{t('browse.colDocuments')}</th>
            <th scope="col">{t('browse.colReviewed')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.entity.id}>
              {selectFor && (
                <td>
                  <SelectBox select={selectFor(row.entity.id)} title={row.entity.title} />
                </td>
              )}
              <th scope="row">
                <Link to={data.entityPath(row.entity)}>
                  <Shown of={row.entity} field="title" />
                </Link>
              </th>
              <td>{data.templateByName.get(row.entity.template)?.label}</td>
              <td>{groupLabel(row, data, 'region')}</td>
              <td>
                <Meter share={row.share} />
              </td>
              <td>{row.documents.length}</td>
              <td>
                {row.entity.lastReviewed.profile
                  ? formatPartialDate(row.entity.lastReviewed.profile, i18n.language)
                  : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
