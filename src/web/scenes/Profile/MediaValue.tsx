import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './MediaValue.css';
import { localLabel } from '../../../domain/localize.ts';
import { fileIdOfPath } from '../../../domain/schemas/entity.ts';
import type { Property } from '../../../domain/schemas/index.ts';
import { filesApi } from '../../api/files.ts';
import { safeHref } from '../../components/Markdown/safe-href.ts';

const AUDIO = /\.(mp3|m4a|aac|oga|ogg|opus|wav|flac|weba)$/i;
const VIDEO = /\.(mp4|m4v|webm|ogv|mov)$/i;

/**
 * Whether a file of the portal plays as audio or video: by the type it was uploaded or imported with, else
 * by its name's extension (a CSV import sends mp3s as application/octet-stream).
 */
export function playerKind(file: { mimeType: string; filename: string }): 'audio' | 'video' | null {
  if (/^audio\//i.test(file.mimeType) || AUDIO.test(file.filename)) return 'audio';
  if (/^video\//i.test(file.mimeType) || VIDEO.test(file.filename)) return 'video';
  return null;
}

/**
 * The browser's own player for a media file of the portal, once its record says it is audio or video, with
 * a link to the file below it (to download it, or to play it elsewhere when the browser cannot decode it:
 * then the player is removed and only the link stays). Other files, and addresses elsewhere (the CSP plays
 * no other site's media, and a reader's visit is not told to a third party), stay a link.
 */
function OwnMedia({ fileId, href, label }: { fileId: string; href: string; label: string }) {
  const { t } = useTranslation();
  const file = useQuery({
    queryKey: ['file', fileId],
    queryFn: ({ signal }) => filesApi.file(fileId, signal),
    staleTime: 60_000,
  });
  const [failed, setFailed] = useState(false);
  const kind = file.data && !failed ? playerKind(file.data) : null;
  const link = (
    <a href={href} className="media-link" target="_blank" rel="noopener noreferrer">
      {file.data
        ? t('profile.openNamedFile', { name: `\u2068${file.data.filename}\u2069` })
        : t('profile.openFile')}
      <span className="visually-hidden"> {t('profile.opensNewTab')}</span>
    </a>
  );
  if (!kind) return link;
  const Player = kind;
  return (
    <span className={`media-player media-player--${kind}`}>
      <Player
        controls
        preload="metadata"
        src={href}
        aria-label={label}
        className="media-player__element"
        onError={() => setFailed(true)}
      >
        {link}
      </Player>
      {link}
    </span>
  );
}

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
 * A media value (audio, video, any file): a file of the portal that is audio or video in the browser's own
 * player (OwnMedia), any other of its files as a link ("Open the file"), an address elsewhere as a link,
 * shortened. An image value on this site as the image, its alt text the property's label
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
  const fileId = fileIdOfPath(href);
  if (property.type === 'media' && fileId)
    return (
      <OwnMedia
        fileId={fileId}
        href={href}
        label={localLabel(property.label, property.labels, i18n.language).text}
      />
    );
  return (
    <a href={href} className="media-link" target="_blank" rel="noopener noreferrer">
      <span dir={own ? undefined : 'ltr'}>{own ? t('profile.openFile') : shortAddress(href)}</span>
      <span className="visually-hidden"> {t('profile.opensNewTab')}</span>
    </a>
  );
}
