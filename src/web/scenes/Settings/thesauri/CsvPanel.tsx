import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES } from '../../../../domain/languages.ts';
import type { ThesaurusCsvImportResult, ThesaurusValue } from '../../../../domain/schemas/index.ts';
import { fetchThesaurus, importThesaurusCsv, thesaurusCsvHref } from '../../../api/schema-admin.ts';
import { formatList } from '../../../lib/format.ts';
import { rowErrorText } from '../../../lib/problems.ts';
import { problemText } from '../problem.ts';
import { SchemaJobProgress } from '../schema/SchemaJobProgress.tsx';

/** A thesaurus's CSV: the download, and an import that is checked first and applied only on request. */
export function CsvPanel({
  name,
  disabled,
  onImported,
}: {
  name: string;
  disabled: boolean;
  onImported: (values: ThesaurusValue[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const [csv, setCsv] = useState<string | null>(null);
  const [plan, setPlan] = useState<ThesaurusCsvImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (text: string, dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const r = await importThesaurusCsv(name, text, dryRun);
      setPlan(r);
      if (r.applied) onImported((await fetchThesaurus(name)).values);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const nothing = plan && plan.added.length === 0 && plan.updated.length === 0;
  return (
    <section className="panel settings__csv" aria-labelledby="csv-title">
      <h4 id="csv-title">{t('settings.thesauri.csvTitle')}</h4>
      <p className="muted">{t('settings.thesauri.csvAbout', { codes: UI_LANGUAGES.join(', ') })}</p>
      <div className="settings__row">
        <a className="btn" href={thesaurusCsvHref(name)} download={`${name}.csv`}>
          {t('settings.thesauri.csvExport')}
        </a>
        <label className="field">
          <span>{t('settings.thesauri.csvImport')}</span>
          <input
            type="file"
            accept=".csv,text/csv"
            disabled={disabled || busy}
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              const text = await file.text();
              setCsv(text);
              await run(text, true);
            }}
          />
        </label>
      </div>
      {disabled && <p className="muted">{t('settings.thesauri.saveFirst')}</p>}
      {plan && (
        <div role="status">
          {plan.applied ? (
            <p className="settings__ok">
              {t('settings.thesauri.csvApplied', { added: plan.added.length, updated: plan.updated.length })}
            </p>
          ) : (
            <p>
              {t('settings.thesauri.csvPlan', {
                added: plan.added.length,
                updated: plan.updated.length,
                unchanged: plan.unchanged,
              })}
            </p>
          )}
          {plan.added.length > 0 && !plan.applied && (
            <p className="muted">
              {t('settings.thesauri.csvAdded', {
                list: formatList(
                  plan.added.map((v) => v.label),
                  i18n.language,
                ),
              })}
            </p>
          )}
          {plan.errors.length > 0 && (
            <ul className="settings__error">
              {plan.errors.map((e) => (
                <li key={`${e.row}-${e.message}`}>
                  {t('settings.thesauri.csvRow', { row: e.row, message: rowErrorText(e, t) })}
                </li>
              ))}
            </ul>
          )}
          {plan.jobIds.map((id) => (
            <SchemaJobProgress key={id} id={id} />
          ))}
          {!plan.applied && plan.errors.length === 0 && !nothing && csv && (
            <button
              type="button"
              className="btn btn--primary"
              disabled={busy}
              onClick={() => void run(csv, false)}
            >
              {t('settings.thesauri.csvApply')}
            </button>
          )}
        </div>
      )}
      {error !== null && (
        <p role="alert" className="settings__error">
          {problemText(error)}
        </p>
      )}
    </section>
  );
}
