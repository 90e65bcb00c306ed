import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SearchResponse } from '../../../../domain/schemas/search.ts';
import { entitySlug } from '../../../lib/slug.ts';
import { DOCUMENT_TEMPLATE, PROFILE_ROUTES } from '../../../lib/templates.ts';
import { Snippet } from './Snippet.tsx';

type Item = SearchResponse['items'][number];

/** Where a hit's title leads: the profile by slug, the document by id. */
export function entityHref(entity: Item['entity']): string | null {
  const route = PROFILE_ROUTES[entity.template];
  if (route) return `/${route}/${entitySlug(entity)}`;
  if (entity.template === DOCUMENT_TEMPLATE) return `/documents/${encodeURIComponent(entity.id)}`;
  return null;
}

/** One search hit: title, template, unpublished badge and up to three snippets. */
export function ResultCard({ item, templateLabel }: { item: Item; templateLabel: string }) {
  const { t } = useTranslation();
  const { entity } = item;
  const href = entityHref(entity);
  return (
    <li className="sresult">
      <h2 className="sresult__title">{href ? <Link to={href}>{entity.title}</Link> : entity.title}</h2>
      <p className="sresult__meta muted">
        {templateLabel}
        {!entity.published && <> · {t('search.unpublished')}</>}
      </p>
      {item.snippets.length > 0 && (
        <ul className="sresult__snippets" aria-label={t('search.snippetsLabel', { title: entity.title })}>
          {item.snippets.map((s) => (
            <Snippet key={`${s.fileId}-${s.paragraphId}`} documentId={entity.id} snippet={s} />
          ))}
        </ul>
      )}
    </li>
  );
}
