import { useTranslation } from 'react-i18next';
import './MediaValue.css';
import { localLabel } from '../../../domain/localize.ts';
import { fileIdOfPath } from '../../../domain/schemas/entity.ts';
import type { Property } from '../../../domain/schemas/index.ts';
import { safeHref } from '../../components/Markdown/safe-href.ts';

/** What a reader sees of an address: the site and path, shortened (`youtube.com/watch?v=…`). */
function shortAddress(href: string): string {
  try {
    const u = new URL(href);
    const rest = `${u.pathname === '/' ? '' : u.pathname}${u.search}`;
    const text = `${u.hostname.replace(/^www\./, '')}${rest}`;
    return text.length > 60 ? `${text.slice(0, 59)}…` : text;
  } catch {
    return href;
  }
}

/**
 * A media value (audio, video, any file) as a link: to the portal's own file ("Open the file") or to the
 * address elsewhere, shortened. An image value on this site as the image, its alt text the property's label
 * (the only words Uwazi or an editor gives it), linking to the full-size file. An address that is not
 * http(s) or a path on this site (an older row) is shown as text, never as a link.
 */
export function MediaValue({ property, value }: { property: Property; value: unknown }) {
  const { t, i18n } = useTranslation();
  if (typeof value !== 'string' || value === '') return null;
  const href = safeHref(value);
  if (!href) return <span dir="ltr">{value}</span>;
  const own = fileIdOfPath(href) !== null;
  // Only images on this site are loaded: the CSP allows no other (a reader's visit is not told to a third
  // party); an image elsewhere is a link to it, like a media address.
  if (property.type === 'image' && !/^https?:/i.test(href)) {
    const alt = localLabel(property.label, property.labels, i18n.language).text;
    return (
      <a href={href} className="media-image" target="_blank" rel="noopener noreferrer">
        <img src={href} alt={alt} loading="lazy" className="media-image__img" />
        <span className="visually-hidden"> {t('profile.opensNewTab')}</span>
      </a>
    );
  }
  return (
    <a href={href} className="media-link" target="_blank" rel="noopener noreferrer">
      <span dir={own ? undefined : 'ltr'}>{own ? t('profile.openFile') : shortAddress(href)}</span>
      <span className="visually-hidden"> {t('profile.opensNewTab')}</span>
    </a>
  );
}
