import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { EntitySummary, Property, Template } from '../../../domain/schemas/index.ts';
import { Markdown } from '../../components/Markdown/Markdown.tsx';
import { Shown } from '../../components/Shown/Shown.tsx';
import { InProgressBadge, isInProgress } from '../../components/StatusBadge/StatusBadge.tsx';
import { formatPartialDate } from '../../lib/format.ts';
import { useEntityPath } from '../../lib/profileTemplates.ts';
import { useValueLabel } from '../../lib/useValueLabel.ts';
import { SourceLinks } from './PropertyValue.tsx';

type LinkValue = { label?: string; url: string };

/**
 * One entry of a profile section: the related entity's title (an "In progress" badge first for drafts), then
 * its metadata in the order of its own template — dates, text and select values on one line, markdown as the
 * summary, link values as source links.
 */
export function RelatedItem({ item, template }: { item: EntitySummary; template: Template | undefined }) {
  const { t, i18n } = useTranslation();
  const label = useValueLabel();
  const entityPath = useEntityPath();
  const props = template?.properties ?? [];
  const meta: string[] = [];
  const summaries: { p: Property; text: string }[] = [];
  const links: LinkValue[] = [];
  for (const p of props) {
    const v = item.metadata[p.name];
    if (v === undefined || v === null || v === '') continue;
    if (p.type === 'date' && typeof v === 'string') meta.unshift(formatPartialDate(v, i18n.language));
    else if (p.type === 'text' && typeof v === 'string') meta.push(v);
    else if (p.type === 'select' && typeof v === 'string' && !isInProgress({ v }))
      meta.push(label(p.thesaurus, v));
    else if (p.type === 'markdown' && typeof v === 'string') summaries.push({ p, text: v });
    else if (p.type === 'link' && Array.isArray(v)) links.push(...(v as LinkValue[]));
  }
  return (
    <li className="item">
      <div className="item__title">
        {isInProgress(item.metadata) && <InProgressBadge />}{' '}
        <Link to={entityPath(item)}>
          <Shown of={item} field="title" />
        </Link>
        {/* Readers never receive unpublished entities: only signed-in people see this mark. */}
        {!item.published && (
          <span className="unpublished-mark item__unpublished">{t('editor.notPublished')}</span>
        )}
      </div>
      {meta.length > 0 && <div className="item__meta">{meta.join(' · ')}</div>}
      {summaries.map((s) => (
        <Shown key={s.p.name} of={item} field={s.p.name} block>
          <Markdown source={s.text} className="md item__summary" />
        </Shown>
      ))}
      <SourceLinks links={links} />
    </li>
  );
}

/** Related profiles (memberships, member states) as a compact list of links. */
export function ProfileLinks({
  items,
  listRef,
}: {
  items: EntitySummary[];
  listRef?: Ref<HTMLUListElement>;
}) {
  const entityPath = useEntityPath();
  return (
    <ul className="chips" ref={listRef}>
      {items.map((item) => (
        <li key={item.id}>
          <Link to={entityPath(item)} className="chip">
            <Shown of={item} field="title" mark={false} />
          </Link>
        </li>
      ))}
    </ul>
  );
}
