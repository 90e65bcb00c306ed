import { useTranslation } from 'react-i18next';
import type { Property } from '../../../domain/schemas/index.ts';
import { Markdown } from '../../components/Markdown/Markdown.tsx';
import { safeHref } from '../../components/Markdown/safe-href.ts';
import { formatList, formatPartialDate } from '../../lib/format.ts';
import { useValueLabel } from '../../lib/useValueLabel.ts';
import { MediaValue } from './MediaValue.tsx';

type LinkValue = { label?: string; url: string };

/** Source links, labelled "Source", "Source 2"… when the stored label is empty, as the portal labels them. */
export function SourceLinks({ links }: { links: LinkValue[] }) {
  const { t } = useTranslation();
  if (links.length === 0) return null;
  return (
    <ul className="sources">
      {links.map((link, i) => (
        <li key={link.url}>
          <a href={link.url} rel="noopener noreferrer" target="_blank" className="sources__link">
            {link.label || (i === 0 ? t('profile.source') : t('profile.sourceN', { n: i + 1 }))}
            <span className="visually-hidden"> {t('profile.opensNewTab')}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

// The API checks links are http(s) on write; the same rule as Markdown links keeps older rows harmless too.
const asLinks = (value: unknown): LinkValue[] =>
  Array.isArray(value)
    ? value.filter((v): v is LinkValue => typeof v?.url === 'string' && safeHref(v.url) !== null)
    : [];

/** Renders one non-relationship metadata value by its property type. */
export function PropertyValue({ property, value }: { property: Property; value: unknown }) {
  const { i18n } = useTranslation();
  const label = useValueLabel();
  switch (property.type) {
    case 'markdown':
      return typeof value === 'string' ? <Markdown source={value} className="md" /> : null;
    case 'link':
      return <SourceLinks links={asLinks(value)} />;
    case 'date':
      return typeof value === 'string' ? <span>{formatPartialDate(value, i18n.language)}</span> : null;
    case 'select':
      return typeof value === 'string' ? <span>{label(property.thesaurus, value)}</span> : null;
    case 'multiselect':
      return Array.isArray(value) ? (
        <span>
          {formatList(
            value.map((v) => label(property.thesaurus, String(v))),
            i18n.language,
          )}
        </span>
      ) : null;
    case 'daterange': {
      const r = (value ?? {}) as { from?: string; to?: string };
      const fmt = (d?: string) => (d ? formatPartialDate(d, i18n.language) : '…');
      return <span>{`${fmt(r.from)} – ${fmt(r.to)}`}</span>;
    }
    case 'multidate':
      return Array.isArray(value) ? (
        <span>
          {formatList(
            value.map((d) => formatPartialDate(String(d), i18n.language)),
            i18n.language,
          )}
        </span>
      ) : null;
    case 'multidaterange': {
      const fmt = (d?: string) => (d ? formatPartialDate(d, i18n.language) : '…');
      return Array.isArray(value) ? (
        <span>
          {formatList(
            (value as { from?: string; to?: string }[]).map((r) => `${fmt(r.from)} – ${fmt(r.to)}`),
            i18n.language,
          )}
        </span>
      ) : null;
    }
    case 'image':
    case 'media':
      return <MediaValue property={property} value={value} />;
    case 'geolocation':
    case 'relationship':
      return null;
    default:
      return value === undefined || value === null ? null : <span>{String(value)}</span>;
  }
}
