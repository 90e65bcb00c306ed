import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CsvImportPreview, CsvImportStatus } from '../../../domain/schemas/index.ts';
import { useTemplates } from '../../api/hooks.ts';
import { importStatus, sendImport } from '../../api/imports.ts';
import { useCan } from '../../api/session.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { problemText } from '../Settings/problem.ts';
import { ImportPreviewView } from './ImportPreview.tsx';
import './Import.css';

type Flags = { addNewValues: boolean; publish: boolean; skipInvalid: boolean };

/**
 * `/admin/import`: an admin loads a CSV, or a ZIP with import.csv and files, in Uwazi's format. The file is
 * checked first and nothing is written until the admin has read the problems and confirms; the import then
 * runs on the server as a durable job whose progress this page follows.
 */
export default function ImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('import.title'));
  const isAdmin = useCan('admin');
  const { data: templates } = useTemplates();
  const [template, setTemplate] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [flags, setFlags] = useState<Flags>({ addNewValues: false, publish: false, skipInvalid: false });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<CsvImportPreview | null>(null);
  const [job, setJob] = useState<CsvImportStatus | null>(null);
  const chosen = template || templates?.[0]?.name || '';

  useEffect(() => {
    if (!preview?.jobId || job?.status === 'done' || job?.status === 'failed') return;
    const timer = setInterval(() => {
      importStatus(preview.jobId!)
        .then(setJob)
        .catch((e: Error) => setError(e.message));
    }, 500);
    return () => clearInterval(timer);
  }, [preview?.jobId, job?.status]);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await sendImport(file, { template: chosen, dryRun, ...flags });
      setPreview(answer);
      setJob(null);
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };
  const check = (e: FormEvent) => {
    e.preventDefault();
    void run(true);
  };
  // Options change what the check finds (new values, invalid rows): a preview of other options is stale.
  const setFlag = (key: keyof Flags, value: boolean) => {
    setFlags((f) => ({ ...f, [key]: value }));
    setPreview(null);
  };

  if (!isAdmin)
    return (
      <div className="page">
        <h1>{t('import.title')}</h1>
        <p>{t('import.adminsOnly')}</p>
      </div>
    );
  const blocked = preview
    ? preview.problems.some((p) => p.row === undefined) || (preview.problems.length > 0 && !flags.skipInvalid)
    : true;
  return (
    <div className="page import">
      <h1>{t('import.title')}</h1>
      <p className="muted">{t('import.intro')}</p>
      <form className="panel import__form" onSubmit={check}>
        <label className="field">
          <span>{t('import.template')}</span>
          <select
            value={chosen}
            onChange={(e) => {
              setTemplate(e.target.value);
              setPreview(null);
            }}
          >
            {(templates ?? []).map((x) => (
              <option key={x.name} value={x.name}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('import.file')}</span>
          <input
            type="file"
            accept=".csv,.zip,text/csv,application/zip"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
            }}
            required
          />
        </label>
        <fieldset className="import__flags">
          <legend>{t('import.options')}</legend>
          {(['addNewValues', 'publish', 'skipInvalid'] as const).map((key) => (
            <label key={key} className="check">
              <input type="checkbox" checked={flags[key]} onChange={(e) => setFlag(key, e.target.checked)} />
              <span>{t(`import.${key}`)}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="btn" disabled={!file || busy}>
          {busy && !preview ? t('import.checking') : t('import.check')}
        </button>
      </form>
      {error && (
        <p role="alert" className="import__error">
          {error}
        </p>
      )}
      {preview && <ImportPreviewView preview={preview} />}
      {preview && !preview.started && (
        <button
          type="button"
          className="btn btn--primary"
          disabled={blocked || busy}
          onClick={() => void run(false)}
        >
          {t('import.confirm', { count: preview.valid })}
        </button>
      )}
      {preview?.started && (
        <section className="panel import__progress" aria-live="polite">
          <h2>{t('import.running')}</h2>
          <progress
            max={1}
            value={job?.progress ?? 0}
            aria-label={t('import.progress', { done: job?.created ?? 0, total: preview.valid })}
          />
          <p>{t('import.progress', { done: job?.created ?? 0, total: preview.valid })}</p>
          {job?.status === 'done' && (
            <p>
              {t('import.done', { count: job.created })}{' '}
              <Link to={`/browse?template=${encodeURIComponent(job.template)}`}>{t('import.browse')}</Link>
            </p>
          )}
          {job?.error && <p role="alert">{t('import.stopped', { reason: job.error })}</p>}
        </section>
      )}
    </div>
  );
}
