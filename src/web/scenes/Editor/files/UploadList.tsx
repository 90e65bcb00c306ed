import { useTranslation } from 'react-i18next';
import { fileReasonText } from '../../../lib/file-reason-text.ts';
import type { Upload } from './useUploads.ts';

/** Each file with its bar: upload, then processing, then where it ended (and Retry when it failed). */
export function UploadList({
  items,
  onRetry,
  onRemove,
}: {
  items: Upload[];
  onRetry: (key: string) => void;
  onRemove: (key: string) => void;
}) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return null;
  return (
    <ul className="uploads">
      {items.map((u) => {
        const label = `${u.file.name}: ${t(`editor.fileState.${u.state}`)}`;
        const bar = u.state === 'uploading' || u.state === 'processing' || u.state === 'queued';
        return (
          <li key={u.key} className="uploads__item" data-state={u.state}>
            <span className="uploads__name">{u.file.name}</span>
            <span className="uploads__state">
              {u.state === 'processing' && u.progress !== null
                ? t('editor.fileProcessingShare', { share: Math.round(u.progress * 100) })
                : t(`editor.fileState.${u.state}`)}
            </span>
            {bar && (
              <progress
                className="uploads__bar"
                aria-label={label}
                max={1}
                value={u.state === 'queued' ? undefined : (u.progress ?? undefined)}
              />
            )}
            {u.reason && (
              <span className="uploads__reason">
                {u.record && u.state !== 'refused' ? fileReasonText(u.record, t, i18n.language) : u.reason}
              </span>
            )}
            {(u.state === 'failed' || u.state === 'refused') && (
              <button type="button" className="btn btn--small" onClick={() => onRetry(u.key)}>
                {t('editor.retry')}
              </button>
            )}
            {u.state === 'waiting' && (
              <button
                type="button"
                className="btn btn--small"
                aria-label={t('editor.remove', { name: u.file.name })}
                onClick={() => onRemove(u.key)}
              >
                {t('editor.removeShort')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
