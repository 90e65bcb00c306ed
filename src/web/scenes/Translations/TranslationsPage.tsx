import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { DEFAULT_LANGUAGE, isUiLanguage, LANGUAGE_INFO, UI_LANGUAGES } from '../../../domain/languages.ts';
import { localLabel } from '../../../domain/localize.ts';
import type { MissingItem } from '../../../domain/schemas/missing-translations.ts';
import { useTemplates } from '../../api/hooks.ts';
import { useCan } from '../../api/session.ts';
import { useMissingTranslations } from '../../api/translations.ts';
import { ErrorPanel } from '../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../components/Status/Loading.tsx';
import { formatList } from '../../lib/format.ts';
import { type EntityLinkable, useEntityPath } from '../../lib/profileTemplates.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { editorHref } from '../Editor/editorUrl.ts';
import './Translations.css';

const PAGE = 100;
const KINDS = ['entities', 'labels', 'values'] as const;
type Kind = (typeof KINDS)[number];

/** Where an item is shown to readers, so an editor can see it in context (vocabulary: the glossary). */
function itemLink(item: MissingItem, entityPath: (e: EntityLinkable) => string): string | null {
  if (item.kind === 'entity' && item.template)
    return entityPath({ id: item.id, template: item.template, title: item.text, metadata: {} });
  if (item.kind === 'property') return `/glossary#${item.key}`;
  return null;
}

/**
 * `/translations` (editors): per language, how many entities and labels are not translated into it, and
 * the list for one language and kind, each item with where it is and what it shows instead. The language
 * and kind are in the address so a list can be handed to a translator.
 */
export default function TranslationsPage() {
  const { t, i18n } = useTranslation();
  const entityPath = useEntityPath();
  const canSee = useCan('editor');
  const templates = useTemplates();
  // An entity's untranslated fields by the names readers see (its template's labels), not property names.
  const fieldName = (template: string | null, field: string) => {
    if (field === 'title') return t('translations.titleField');
    const p = templates.data?.find((x) => x.name === template)?.properties.find((x) => x.name === field);
    return p ? localLabel(p.label, p.labels, i18n.language).text : field;
  };
  const [params, setParams] = useSearchParams();
  const wanted = params.get('lang');
  const lang = isUiLanguage(wanted) ? wanted : UI_LANGUAGES.find((l) => l !== DEFAULT_LANGUAGE)!;
  const kindParam = params.get('kind');
  const kind: Kind = (KINDS as readonly string[]).includes(kindParam ?? '')
    ? (kindParam as Kind)
    : 'entities';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const missing = useMissingTranslations({ lang, kind, offset, limit: PAGE });
  useDocumentTitle(t('translations.title'));

  const go = (next: { lang?: string; kind?: Kind; offset?: number }) =>
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      p.set('lang', next.lang ?? lang);
      p.set('kind', next.kind ?? kind);
      if (next.offset) p.set('offset', String(next.offset));
      else p.delete('offset');
      return p;
    });

  if (!canSee)
    return (
      <div className="page">
        <h1>{t('translations.title')}</h1>
        <p className="panel">{t('translations.editorsOnly')}</p>
        <Link to="/signin?next=/translations">{t('translations.signIn')}</Link>
      </div>
    );

  const data = missing.data;
  return (
    <div className="page translations">
      <h1>{t('translations.title')}</h1>
      <p className="page__lead">{t('translations.lead')}</p>
      {missing.error && <ErrorPanel error={missing.error} />}
      {!data && !missing.error && <Loading />}
      {data && (
        <>
          <div className="tablewrap">
            <table className="rtable translations__counts">
              <caption className="visually-hidden">{t('translations.countsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('translations.language')}</th>
                  {KINDS.map((k) => (
                    <th key={k} scope="col">
                      {t(`translations.kind.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {UI_LANGUAGES.map((l) => (
                  <tr key={l} aria-current={l === lang ? 'true' : undefined}>
                    <th scope="row" lang={LANGUAGE_INFO[l].htmlLang}>
                      {LANGUAGE_INFO[l].name}
                    </th>
                    {KINDS.map((k) => (
                      <td key={k}>
                        <button
                          type="button"
                          className="translations__pick"
                          aria-pressed={l === lang && k === kind}
                          onClick={() => go({ lang: l, kind: k })}
                        >
                          {t('translations.missingCount', { count: data.counts[l]?.[k] ?? 0 })}
                        </button>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>
            {t('translations.listTitle', {
              kind: t(`translations.kind.${kind}`),
              language: LANGUAGE_INFO[lang].name,
            })}
          </h2>
          {data.total === 0 ? (
            <p className="panel">{t('translations.nothingMissing')}</p>
          ) : (
            <>
              <p className="muted">
                {t('translations.range', {
                  from: offset + 1,
                  to: offset + data.items.length,
                  total: data.total,
                })}
              </p>
              <ul className="translations__list">
                {data.items.map((item) => {
                  const href = itemLink(item, entityPath);
                  const text = (
                    <span lang={kind === 'entities' ? undefined : DEFAULT_LANGUAGE}>{item.text}</span>
                  );
                  return (
                    <li key={`${item.kind}-${item.id}-${item.key ?? ''}`}>
                      <span className="translations__kind">{t(`translations.item.${item.kind}`)}</span>{' '}
                      {href ? <Link to={`${href}`}>{text}</Link> : text}
                      {item.kind !== 'entity' &&
                        item.key &&
                        item.kind !== 'property' &&
                        item.kind !== 'section' && <span className="muted"> · {item.id}</span>}
                      {item.fields.length > 0 && (
                        <span className="muted">
                          {' '}
                          ·{' '}
                          {t('translations.fields', {
                            fields: formatList(
                              item.kind === 'entity'
                                ? item.fields.map((f) => fieldName(item.template, f))
                                : item.fields,
                              i18n.language,
                            ),
                          })}
                        </span>
                      )}
                      {item.kind === 'entity' && (
                        <>
                          {' '}
                          <Link
                            className="btn btn--small translations__edit"
                            to={editorHref(item.id, { lang, field: item.fields[0] })}
                            aria-label={t('translations.translateItem', { title: item.text })}
                          >
                            {t('translations.translate')}
                          </Link>
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
              <div className="translations__pager">
                {offset > 0 && (
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => go({ offset: offset - PAGE })}
                  >
                    {t('translations.previous')}
                  </button>
                )}
                {offset + PAGE < data.total && (
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => go({ offset: offset + PAGE })}
                  >
                    {t('translations.next')}
                  </button>
                )}
              </div>
            </>
          )}
        </>
      )}
    </div>
  );
}
