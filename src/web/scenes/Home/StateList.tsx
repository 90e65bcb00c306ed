import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Entity, Template } from '../../../domain/schemas/index.ts';
import { Shown } from '../../components/Shown/Shown.tsx';
import { percent } from '../../lib/format.ts';
import { pickProperty } from '../../lib/templates.ts';
import type { PortalData } from '../../lib/usePortalData.ts';

/** A state with what the map and the list show about it. */
export type StateRow = { entity: Entity; href: string; share: number; isMatch: boolean };

/** The map's text equivalent: every state (or every matching state) by region, with its completeness. */
export function StateList({
  rows,
  data,
  template,
  isFiltering,
}: {
  rows: StateRow[];
  data: PortalData;
  template: Template | undefined;
  isFiltering: boolean;
}) {
  const { t } = useTranslation();
  const region = pickProperty(template, 'region', ['select']);
  const groups = new Map<string, StateRow[]>();
  for (const row of rows) {
    if (!row.isMatch) continue;
    const value = region ? row.entity.metadata[region.name] : undefined;
    const label = typeof value === 'string' ? data.valueLabel(region?.thesaurus, value) : t('map.noRegion');
    groups.set(label, [...(groups.get(label) ?? []), row]);
  }
  const sorted = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
  return (
    <section className="statelist" id="state-list" aria-labelledby="state-list-title" tabIndex={-1}>
      <h2 id="state-list-title">{isFiltering ? t('map.listFiltered') : t('map.listTitle')}</h2>
      {sorted.length === 0 && <p className="muted">{t('map.noMatch')}</p>}
      <div className="statelist__groups">
        {sorted.map(([label, group]) => (
          <section key={label} className="statelist__group" aria-label={label}>
            <h3>
              {label} <span className="muted">({group.length})</span>
            </h3>
            <ul>
              {group.map((row) => (
                <li key={row.entity.id}>
                  <Link to={row.href}>
                    <Shown of={row.entity} field="title" />
                  </Link>{' '}
                  <span className="statelist__share" title={t('map.completenessOf')}>
                    {t('map.percent', { value: percent(row.share) })}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
