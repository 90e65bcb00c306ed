import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileRecord } from '../../../../domain/schemas/index.ts';
import { REFERENCE_LIST_LIMIT_MAX } from '../../../../domain/schemas/reference-view.ts';
import { documentsApi, fileDownloadUrl } from '../../../api/documents.ts';
import { DropZone } from './DropZone.tsx';
import { UploadList } from './UploadList.tsx';
import { type Upload, useUploads } from './useUploads.ts';
import { VersionList } from './VersionList.tsx';
import './Files.css';
import { fileReasonText } from '../../../lib/file-reason-text.ts';

/** Ids of the connections with an end in a file that are orphaned now. */
const orphanedOf = async (fileId: string) =>
  (await documentsApi.references({ fileId, limit: REFERENCE_LIST_LIMIT_MAX })).items.filter(
    (r) => r.orphaned,
  );

/**
 * After a new version is processed: the connections of the file that could not be re-attached to it (orphaned
 * by this replacement, not before), with their quotes, so the editor knows what to re-attach.
 */
function ReplaceReport({ upload, before }: { upload: Upload; before: Set<string> }) {
  const { t } = useTranslation();
  const done = upload.state === 'ready' || upload.state === 'needs-ocr';
  const fileId = upload.record?.id ?? '';
  const { data } = useQuery({
    queryKey: ['orphaned-after', fileId, upload.record?.updatedAt],
    queryFn: () => orphanedOf(fileId),
    enabled: done && Boolean(fileId),
  });
  if (!done || !data) return null;
  const lost = data.filter((r) => !before.has(r.id));
  return (
    <div className="replace-report" role="status">
      <p>{lost.length === 0 ? t('editor.allReattached') : t('editor.notReattached', { n: lost.length })}</p>
      {lost.length > 0 && (
        <ul>
          {lost.map((r) => (
            <li key={r.id}>
              <q>{r.source.fileId === fileId ? r.source.exact : (r.target?.exact ?? '')}</q>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * An entity's files in the editor: each with its state, download and "Replace with a new version"; new files
 * by drag and drop or the picker, each with its upload and processing bar.
 */
export function FilesPanel({ entityId, files }: { entityId: string; files: FileRecord[] }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const uploads = useUploads();
  const picker = useRef<HTMLInputElement>(null);
  const [replacing, setReplacing] = useState<FileRecord | null>(null);
  const [before, setBefore] = useState(new Map<string, Set<string>>());
  const settled = uploads.items.filter(
    (u) => u.state === 'ready' || u.state === 'needs-ocr' || u.state === 'failed',
  ).length;
  useEffect(() => {
    if (settled > 0) void client.invalidateQueries({ queryKey: ['entity-view'] });
  }, [settled, client]);

  return (
    <section className="eform__section efiles" aria-labelledby="files-title">
      <h2 id="files-title" className="eform__section-title">
        {t('editor.files')}
      </h2>
      {files.length > 0 && (
        <ul className="uploads">
          {files.map((f) => (
            <li key={f.id} className="uploads__item" data-state={f.status}>
              <span id={`file-${f.id}-name`} className="uploads__name">
                {f.filename}
              </span>
              <span className="uploads__state">{t(`editor.fileState.${f.status}`)}</span>
              {f.reason && <span className="uploads__reason">{fileReasonText(f, t, i18n.language)}</span>}
              <a
                className="btn btn--small"
                href={fileDownloadUrl(f.id)}
                download
                aria-describedby={`file-${f.id}-name`}
              >
                {t('editor.download')}
              </a>
              <button
                type="button"
                className="btn btn--small"
                aria-describedby={`file-${f.id}-name`}
                onClick={() => {
                  setReplacing(f);
                  picker.current?.click();
                }}
              >
                {t('editor.replace')}
              </button>
              <VersionList file={f} />
            </li>
          ))}
        </ul>
      )}
      <input
        ref={picker}
        hidden
        type="file"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file || !replacing) return;
          const orphaned = new Set((await orphanedOf(replacing.id)).map((r) => r.id));
          setBefore((m) => new Map(m).set(replacing.id, orphaned));
          uploads.replace(replacing, file);
        }}
      />
      <DropZone
        onFiles={(list) => {
          void uploads.start(entityId, list);
        }}
      />
      <UploadList
        items={uploads.items}
        onRetry={(key) => uploads.retry(entityId, key)}
        onRemove={uploads.removeWaiting}
      />
      {uploads.items
        .filter((u) => u.record && before.has(u.record.id))
        .map((u) => (
          <ReplaceReport key={u.key} upload={u} before={before.get(u.record!.id)!} />
        ))}
    </section>
  );
}
