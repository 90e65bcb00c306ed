import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import type { Property } from '../../../domain/schemas/index.ts';
import { Shown } from '../../components/Shown/Shown.tsx';
import { ErrorPanel } from '../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../components/Status/Loading.tsx';
import { sectionLabel, useContentLanguage, useLocalTemplates } from '../../lib/local.ts';
import { profileKindOf, useProfileTemplates } from '../../lib/profileTemplates.ts';
import { sectionProperties } from '../../lib/templates.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import './Glossary.css';

/** One glossary term: a section property name with its label and definition per profile type. */
type Term = {
  name: string;
  label: string;
  property: Property;
  definitions: { template: string; section: string; property: Property }[];
};

/**
 * `/glossary`: every profile section term with its definition, in the reader's language (marked where a
 * label or definition is not translated yet); `#<property>` links land on the term.
 */
export default function GlossaryPage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const { data: templates, error, isPending } = useLocalTemplates();
  const lang = useContentLanguage();
  const profiles = useProfileTemplates();
  const profileNames = profiles.names;
  useDocumentTitle(t('glossary.title'));

  const terms: Term[] = [];
  for (const template of (profileNames ? (templates ?? []) : []).filter(
    (x) => profileNames && profileKindOf(x.name, profileNames),
  )) {
    for (const property of sectionProperties(template)) {
      const term = terms.find((x) => x.name === property.name);
      const section = property.section ? sectionLabel(template, property.section, lang).text : '';
      const definition = { template: template.label, section, property };
      if (term) term.definitions.push(definition);
      else terms.push({ name: property.name, label: property.label, property, definitions: [definition] });
    }
  }
  terms.sort((a, b) => a.label.localeCompare(b.label, lang));

  useEffect(() => {
    if (!hash || terms.length === 0) return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: 'start' });
  }, [hash, terms.length]);

  if (error)
    return (
      <div className="page">
        <ErrorPanel error={error} />
      </div>
    );
  if (isPending || profiles.isPending)
    return (
      <div className="page">
        <Loading />
      </div>
    );

  return (
    <div className="page glossary">
      <h1>{t('glossary.title')}</h1>
      <p className="page__lead">{t('glossary.lead')}</p>
      <dl className="glossary__list">
        {terms.map((term) => (
          <div key={term.name} id={term.name} className="glossary__term" tabIndex={-1}>
            <dt>
              <Shown of={term.property} field="label" />
            </dt>
            {term.definitions.map(({ template, section, property }) => (
              <dd key={template}>
                {(term.definitions.length > 1 || property.section) && (
                  <span className="glossary__where">{t('glossary.where', { template, section })}</span>
                )}
                {property.description ? (
                  <Shown of={property} field="description" />
                ) : (
                  t('glossary.noDefinition')
                )}
              </dd>
            ))}
          </div>
        ))}
      </dl>
    </div>
  );
}
