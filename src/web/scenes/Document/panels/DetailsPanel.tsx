import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { EntityView } from '../../../../domain/schemas/entity-view.ts';
import type { Template } from '../../../../domain/schemas/template.ts';
import { fileDownloadUrl } from '../../../api/documents.ts';
import { Shown } from '../../../components/Shown/Shown.tsx';
import { fileReasonText } from '../../../lib/file-reason-text.ts';
import { useProfileTemplates } from '../../../lib/profileTemplates.ts';
import { isFilled } from '../../../lib/templates.ts';
import { PropertyValue } from '../../Profile/PropertyValue.tsx';
import { entityHref } from '../../Search/components/ResultCard.tsx';

const KB = 1024;
/** A file's size in the reader's language: the unit's abbreviation and the decimal sign differ. */
const size = (bytes: number, t: TFunction) =>
  bytes >= KB * KB
    ? t('viewer.sizeMB', { value: Math.round((bytes / KB / KB) * 10) / 10 })
    : t('viewer.sizeKB', { value: Math.max(1, Math.round(bytes / KB)) });

/** The document's metadata (every filled property of its template) and its files with their state. */
export function DetailsPanel({
  view,
  template,
  currentFileId,
  onFile,
}: {
  view: EntityView;
  template: Template | undefined;
  currentFileId: string | undefined;
  onFile: (fileId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const profileNames = useProfileTemplates().names;
  // Relationship values are ids: shown as the titles of the related entities the reader may see (the
  // view leaves out the others), and the row only when one is left.
  const relatedOf = (name: string) => {
    const ids = view.entity.metadata[name];
    return (Array.isArray(ids) ? ids : []).flatMap((id) => view.related[String(id)] ?? []);
  };
  const properties = (template?.properties ?? []).filter((p) =>
    p.type === 'relationship' ? relatedOf(p.name).length > 0 : isFilled(view.entity.metadata[p.name]),
  );
  return (
    <div className="details">
      <dl className="facts">
        {properties.map((p) => (
          <div key={p.name} className="facts__row">
            <dt>
              <Shown of={p} field="label" />
            </dt>
            <dd>
              {p.type === 'relationship' ? (
                <ul className="details__related">
                  {relatedOf(p.name).map((r) => {
                    const href = entityHref(r, profileNames);
                    const title = <Shown of={r} field="title" />;
                    return <li key={r.id}>{href ? <Link to={href}>{title}</Link> : title}</li>;
                  })}
                </ul>
              ) : (
                <Shown of={view.entity} field={p.name} block={p.type === 'markdown'}>
                  <PropertyValue property={p} value={view.entity.metadata[p.name]} />
                </Shown>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <h3>{t('viewer.files')}</h3>
      <ul className="details__files">
        {view.files.map((f) =>
          f.role === 'thumbnail' ? (
            <li key={f.id}>
              <img
                className="details__thumbnail"
                src={fileDownloadUrl(f.id)}
                alt={t('viewer.thumbnail')}
                loading="lazy"
              />{' '}
              <a href={fileDownloadUrl(f.id)} download>
                {t('viewer.download')}
              </a>
            </li>
          ) : (
            <li key={f.id}>
              {f.id === currentFileId ? (
                <strong>{f.filename}</strong>
              ) : (
                <button type="button" className="linklike" onClick={() => onFile(f.id)}>
                  {f.filename}
                </button>
              )}{' '}
              <span className="muted">
                {size(f.size, t)}
                {f.pageCount ? ` · ${t('viewer.pages', { count: f.pageCount })}` : ''}
                {f.status !== 'ready' ? ` · ${t(`viewer.status.${f.status}`)}` : ''}
              </span>{' '}
              <a href={fileDownloadUrl(f.id)} download>
                {t('viewer.download')}
              </a>
              {f.reason && <p className="muted">{fileReasonText(f, t, i18n.language)}</p>}
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
