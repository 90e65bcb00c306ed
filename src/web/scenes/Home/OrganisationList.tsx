import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Shown } from '../../components/Shown/Shown.tsx';
import { pickProperty } from '../../lib/templates.ts';
import type { PortalData } from '../../lib/usePortalData.ts';

/** Organisations and frameworks beside the map, grouped by their kind when the template records one. */
export function OrganisationList({ data }: { data: PortalData }) {
  const { t } = useTranslation();
  const template = data.templateByName.get(data.profileTemplates.organisation);
  const kind = pickProperty(template, 'kind', ['select']);
  const groups = new Map<string, typeof data.organisations>();
  for (const org of data.organisations) {
    const value = kind ? org.metadata[kind.name] : undefined;
    const label = typeof value === 'string' ? data.valueLabel(kind?.thesaurus, value) : '';
    groups.set(label, [...(groups.get(label) ?? []), org]);
  }
  return (
    <>
      <h2 id="org-list-title">{t('map.organisations')}</h2>
      {data.organisations.length === 0 && <p className="muted">{t('map.noOrganisations')}</p>}
      {[...groups.entries()].map(([label, orgs]) => (
        <div key={label || 'all'} className="orglist">
          {label && <h3 className="orglist__kind">{label}</h3>}
          <ul>
            {orgs.map((org) => (
              <li key={org.id}>
                <Link to={data.entityPath(org)}>
                  <Shown of={org} field="title" />
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
