import { useTranslation } from 'react-i18next';
import { fileDownloadPath, fileIdOfPath } from '../../../../domain/schemas/entity.ts';
import { safeHref } from '../../../components/Markdown/safe-href.ts';
import type { FieldProps } from './types.ts';

/** A file of the entity being edited, which a media or image value may point at. */
export type PickableFile = { id: string; filename: string };

/**
 * A media or image value: an address typed or pasted (http(s), or a path on this site), or one of the
 * entry's own files picked from a list, which writes that file's download path. An image on this site is
 * previewed (alt text empty: the preview repeats what the field's label says; the CSP loads no other); any
 * other address gets a link to check it opens.
 */
export function MediaField({
  kind,
  files = [],
  ...p
}: FieldProps & { kind: 'media' | 'image'; files?: PickableFile[] }) {
  const { t } = useTranslation();
  const url = typeof p.value === 'string' ? p.value : '';
  const href = url ? safeHref(url) : null;
  const chosen = fileIdOfPath(url);
  const pickable =
    kind === 'image' ? files.filter((f) => /\.(png|jpe?g|gif|webp|svg|avif)$/i.test(f.filename)) : files;
  return (
    <div className="emedia">
      <label className="efield__sub">
        <span>{t('editor.mediaAddress')}</span>
        <input
          id={p.id}
          aria-describedby={p.describedBy}
          aria-invalid={p.invalid || undefined}
          aria-required={p.required || undefined}
          className="efield__input"
          type="text"
          inputMode="url"
          dir="ltr"
          placeholder="https://…"
          value={url}
          onChange={(e) => p.onChange(e.target.value.trim() || undefined)}
        />
      </label>
      {pickable.length > 0 && (
        <label className="efield__sub">
          <span>{t('editor.mediaFile')}</span>
          <select
            id={`${p.id}-file`}
            className="efield__input"
            value={chosen && pickable.some((f) => f.id === chosen) ? chosen : ''}
            onChange={(e) => p.onChange(e.target.value ? fileDownloadPath(e.target.value) : undefined)}
          >
            <option value="">{t('editor.mediaNoFile')}</option>
            {pickable.map((f) => (
              <option key={f.id} value={f.id}>
                {f.filename}
              </option>
            ))}
          </select>
        </label>
      )}
      {href && kind === 'image' && href.startsWith('/') && (
        <img className="eimage__preview" src={href} alt="" />
      )}
      {href && (kind === 'media' || !href.startsWith('/')) && (
        <a className="emedia__check" href={href} target="_blank" rel="noopener noreferrer">
          {t('editor.mediaCheck')}
          <span className="visually-hidden"> {t('profile.opensNewTab')}</span>
        </a>
      )}
    </div>
  );
}
