import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileRecord } from '../../../../domain/schemas/index.ts';
import { filesApi } from '../../../api/files.ts';
import { ErrorPanel } from '../../../components/Status/ErrorPanel.tsx';
import { fileSize } from '../../../lib/file-size.ts';

/**
 * A file's history under it: every original it has had, newest first, with its name, size, when it was
 * uploaded and its download. Asked for only when opened (most files have one version).
 */
export function VersionList({ file }: { file: FileRecord }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const versions = useQuery({
    queryKey: ['file-versions', file.id, file.updatedAt],
    queryFn: ({ signal }) => filesApi.versions(file.id, signal),
    enabled: open,
  });
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <details className="fversions" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('editor.versions', { name: file.filename })}</summary>
      {versions.error && <ErrorPanel error={versions.error} />}
      {versions.data && (
        <ol className="fversions__list">
          {versions.data.map((v) => (
            <li key={v.version} className="fversions__item">
              <span className="fversions__number">
                {v.current
                  ? t('editor.versionCurrent', { n: v.version })
                  : t('editor.version', { n: v.version })}
              </span>
              <span className="fversions__name" id={`file-${file.id}-v${v.version}`}>
                {v.filename}
              </span>
              <span className="muted">
                {t('editor.versionFacts', {
                  size: fileSize(v.size, i18n.language),
                  date: date.format(new Date(v.uploadedAt)),
                })}
              </span>
              <a
                className="btn btn--small"
                href={v.downloadUrl}
                download={v.filename}
                aria-label={t('editor.downloadVersion', { n: v.version, name: v.filename })}
              >
                {t('editor.download')}
              </a>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
