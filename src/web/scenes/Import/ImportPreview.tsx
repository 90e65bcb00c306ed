import { useTranslation } from 'react-i18next';
import type { CsvImportPreview } from '../../../domain/schemas/index.ts';
import { formatList } from '../../lib/format.ts';
import { fieldErrorText } from '../../lib/problems.ts';

/** What the check found: counts, every problem by row and column, values to add, the first rows. */
export function ImportPreviewView({ preview }: { preview: CsvImportPreview }) {
  const { t, i18n } = useTranslation();
  const delimiter = preview.delimiter === '\t' ? t('import.tab') : preview.delimiter;
  return (
    <section className="panel import__preview" aria-labelledby="import-preview-heading">
      <h2 id="import-preview-heading">{t('import.previewTitle')}</h2>
      <p>{t('import.summary', { rows: preview.rows, valid: preview.valid, delimiter })}</p>
      {preview.problems.length > 0 ? (
        <table className="import__table">
          <caption>{t('import.problems', { count: preview.problems.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.row')}</th>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.problems.slice(0, 500).map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id and never reorder
              <tr key={i}>
                <td>{p.row ?? t('import.header')}</td>
                <td>{p.column ?? ''}</td>
                <td>{fieldErrorText({ path: p.column ?? '', ...p }, t, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="import__ok">{t('import.noProblems')}</p>
      )}
      {preview.newValues.length > 0 && (
        <p>
          {t('import.newValues')}{' '}
          {formatList(
            preview.newValues.map(
              (v) => `${groupPrefix(preview.newValues, v.group)}${v.label} (${v.thesaurus})`,
            ),
            i18n.language,
          )}
        </p>
      )}
      {preview.preview.length > 0 && (
        <table className="import__table">
          <caption>{t('import.firstRows')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.row')}</th>
              <th scope="col">{t('import.titleColumn')}</th>
              <th scope="col">{t('import.values')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.preview.map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>{r.title}</td>
                <td>
                  {Object.entries(r.metadata)
                    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
                    .join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** `Group::` before a new value going under a group: the group's label when it is new too, else its id. */
function groupPrefix(values: { id: string; label: string }[], group: string | undefined): string {
  if (!group) return '';
  return `${values.find((v) => v.id === group)?.label ?? group}::`;
}
