import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isUiLanguage, LANGUAGE_INFO } from '../../../../domain/languages.ts';
import type { SearchResponse } from '../../../../domain/schemas/search.ts';
import { NotTranslated } from '../../../components/Shown/Shown.tsx';
import { formatList, formatPartialDate } from '../../../lib/format.ts';
import { type ProfileTemplates, profileRoute, useProfileTemplates } from '../../../lib/profileTemplates.ts';
import { entitySlug } from '../../../lib/slug.ts';
import { type Selectable, SelectBox } from '../../Editor/bulk/SelectBox.tsx';
import { SAFE_SNIPPET } from '../searchState.ts';
import { Snippet } from './Snippet.tsx';

type Item = SearchResponse['items'][number];
type Fact = Item['facts'][number];

/**
 * Where a hit's title leads: the profile by slug, the document by id. Until the site settings have said which
 * templates are profiles, through `/entities/:id`, which sends it on.
 */
export function entityHref(entity: Item['entity'], names: ProfileTemplates | undefined): string | null {
  if (!names) return `/entities/${encodeURIComponent(entity.id)}`;
  if (entity.template === names.document) return `/documents/${encodeURIComponent(entity.id)}`;
  const route = profileRoute(entity.template, names);
  if (route) return `/${route}/${entitySlug({ ...entity, title: entity.storedTitle ?? entity.title })}`;
  return null;
}

/** An English title in an Arabic list keeps its own order ("Act, 2018." not ".Act, 2018"), as Shown does. */
const languageDir = (lang: string) => (isUiLanguage(lang) ? LANGUAGE_INFO[lang].dir : 'auto');

function FactValue({ fact }: { fact: Fact }) {
  const { t, i18n } = useTranslation();
  const values =
    fact.type === 'date' ? fact.values.map((v) => formatPartialDate(v, i18n.language)) : fact.values;
  return (
    <span className={`sresult__fact sresult__fact--${fact.type}`} title={fact.label}>
      <span className="visually-hidden">{fact.label}: </span>
      {formatList(values, i18n.language)}
      {fact.more > 0 && ` ${t('search.moreValues', { count: fact.more })}`}
    </span>
  );
}

/** Escaped text with <mark> only (checked), else shown as plain text. */
function MarkedText({ html }: { html: string }) {
  return SAFE_SNIPPET.test(html) ? (
    // biome-ignore lint/security/noDangerouslySetInnerHtml: checked against SAFE_SNIPPET (escaped text and <mark> only)
    <span className="ssnippet__text" dir="auto" dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <span className="ssnippet__text" dir="auto">
      {html}
    </span>
  );
}

/**
 * One search hit: title; what it is and where it is from (template, related states or organisations,
 * type, status, date), so two documents of the same title are told apart; the metadata text (for a profile,
 * the section) and the passages of its files that hold the words.
 */
export function ResultCard({
  item,
  select,
}: {
  item: Item;
  /** For editors: the result's tick box (a shift-click ticks the range since the last one). */
  select?: Selectable;
}) {
  const { t } = useTranslation();
  const { entity } = item;
  const href = entityHref(entity, useProfileTemplates().names);
  const title = entity.titleLanguage ? (
    <>
      <span lang={entity.titleLanguage} dir={languageDir(entity.titleLanguage)}>
        {entity.title}
      </span>{' '}
      <NotTranslated lang={entity.titleLanguage} />
    </>
  ) : (
    entity.title
  );
  return (
    <li className="sresult">
      <h2 className="sresult__title">
        {select && <SelectBox select={select} title={entity.title} />}
        {href ? <Link to={href}>{title}</Link> : title}
      </h2>
      <p className="sresult__meta muted">
        <span className="sresult__fact">{item.templateLabel}</span>
        {item.facts.map((fact) => (
          <FactValue key={fact.property} fact={fact} />
        ))}
        {!entity.published && <span className="sresult__fact">{t('search.unpublished')}</span>}
      </p>
      {(item.fields.length > 0 || item.snippets.length > 0) && (
        <ul className="sresult__snippets" aria-label={t('search.snippetsLabel', { title: entity.title })}>
          {item.fields.map((f) => (
            <li key={f.property} className="ssnippet">
              <span className="ssnippet__field">
                {t('search.fieldLabel', {
                  field: f.section ? t('search.fieldPath', { section: f.section, label: f.label }) : f.label,
                })}
              </span>{' '}
              <MarkedText html={f.html} />
            </li>
          ))}
          {item.snippets.map((s) => (
            <Snippet key={`${s.fileId}-${s.paragraphId}`} documentId={entity.id} snippet={s} />
          ))}
        </ul>
      )}
    </li>
  );
}
