import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { EntityView } from '../../../domain/schemas/index.ts';
import { Markdown } from '../../components/Markdown/Markdown.tsx';
import { Shown } from '../../components/Shown/Shown.tsx';
import { Badge, InProgressBadge, isInProgress } from '../../components/StatusBadge/StatusBadge.tsx';
import { formatList, formatPartialDate } from '../../lib/format.ts';
import { useEntityPath } from '../../lib/profileTemplates.ts';
import { PropertyValue } from '../Profile/PropertyValue.tsx';
import type { CompareCell, CompareGroup } from './compareModel.ts';

/** The first partial-date value of an item's metadata (its date, whatever the property is called). */
const itemDate = (metadata: Record<string, unknown>) => {
  const d = Object.values(metadata).find((v) => typeof v === 'string' && /^\d{4}(-\d{2}){0,2}$/.test(v));
  return typeof d === 'string' ? d : null;
};

function Cell({ cell, isAlone }: { cell: CompareCell; isAlone: boolean }) {
  const { t, i18n } = useTranslation();
  const entityPath = useEntityPath();
  const section = cell.section;
  if (!section) return <td className="ctable__na">{t('compare.notApplicable')}</td>;
  if (!section.isFilled) return <td className="ctable__empty">{t('compare.empty')}</td>;
  if (section.property.type !== 'relationship')
    return (
      <td>
        {section.property.type === 'markdown' && typeof section.value === 'string' ? (
          <Markdown source={section.value} className="md" />
        ) : (
          <PropertyValue property={section.property} value={section.value} />
        )}
      </td>
    );
  return (
    <td>
      <p className="ctable__count">{t('profile.itemCount', { count: section.items.length })}</p>
      <ul className="ctable__items">
        {section.items.map((item) => {
          const date = itemDate(item.metadata);
          const isShared = cell.shared.has(item.id);
          return (
            <li key={item.id} data-shared={isShared && !isAlone}>
              {isInProgress(item.metadata) && <InProgressBadge />}{' '}
              <Link to={entityPath(item)}>
                <Shown of={item} field="title" />
              </Link>
              {date && <span className="muted"> · {formatPartialDate(date, i18n.language)}</span>}
              {isShared && !isAlone && (
                <>
                  {' '}
                  <Badge tone="accent">{t('compare.shared')}</Badge>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </td>
  );
}

/** The side-by-side table: one column per profile, one row per section, rows aligned under group headings. */
export function CompareTable({
  views,
  groups,
  onlyDifferences,
}: {
  views: EntityView[];
  groups: CompareGroup[];
  onlyDifferences: boolean;
}) {
  const { t, i18n } = useTranslation();
  const entityPath = useEntityPath();
  return (
    <div className="ctable__wrap">
      <table className="ctable">
        <caption className="visually-hidden">
          {t('compare.caption', {
            names: formatList(
              views.map((v) => v.entity.title),
              i18n.language,
              'and',
            ),
          })}
        </caption>
        <thead>
          <tr>
            <td />
            {views.map((v) => (
              <th key={v.entity.id} scope="col">
                <Link to={entityPath(v.entity)}>
                  <Shown of={v.entity} field="title" />
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((group) => {
          const rows = onlyDifferences ? group.rows.filter((r) => r.isDifferent) : group.rows;
          if (rows.length === 0) return null;
          return (
            <tbody key={group.heading}>
              <tr className="ctable__group">
                <th scope="rowgroup" colSpan={views.length + 1}>
                  {group.heading}
                </th>
              </tr>
              {rows.map((row) => (
                <tr key={row.name} data-different={row.isDifferent}>
                  <th scope="row">
                    <Link to={`/glossary#${row.name}`} className="ctable__term">
                      <Shown of={row.property} field="label" />
                    </Link>
                    {row.isDifferent && <span className="ctable__diff">{t('compare.differs')}</span>}
                  </th>
                  {row.cells.map((cell, i) => (
                    <Cell key={views[i]?.entity.id ?? i} cell={cell} isAlone={views.length < 2} />
                  ))}
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
