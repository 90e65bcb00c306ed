import { useTranslation } from 'react-i18next';
import { useSchemaJob } from '../../../api/schema-admin.ts';

/** The background rewrite and reindex after a schema change, as a progress bar that ends in a message. */
export function SchemaJobProgress({ id }: { id: number }) {
  const { t } = useTranslation();
  const { data } = useSchemaJob(id);
  if (!data) return null;
  if (data.status === 'failed')
    return (
      <p role="alert" className="settings__error">
        {t('settings.schema.jobFailed', { error: data.error ?? '' })}
      </p>
    );
  if (data.status === 'done')
    return (
      <p role="status" className="settings__ok">
        {t('settings.schema.jobDone', { n: data.total, changed: data.changed })}
      </p>
    );
  return (
    <div className="settings__job" role="status">
      <label>
        <span>{t('settings.schema.jobRunning', { done: data.done, total: data.total })}</span>
        <progress max={1} value={data.progress} />
      </label>
    </div>
  );
}
