import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_BASE } from '../../api/client.ts';
import { useCan } from '../../api/session.ts';
import './ZipExport.css';

/**
 * The address of a ZIP with files (`GET /search/export/zip`): the search's query with one template (an
 * import takes one template per file), in the reader's language.
 */
export function zipExportHref(query: string, template: string, lang: string): string {
  const params = new URLSearchParams(query);
  params.delete('template');
  params.set('template', template);
  params.set('lang', lang);
  return `${API_BASE}/search/export/zip?${params.toString()}`;
}

/**
 * "ZIP with files" for signed-in accounts (the API refuses readers): a template to export and the link to
 * the ZIP that the CSV import of another portal reads back whole, values and files (issue 12 item 4).
 */
export function ZipExport({
  query,
  templates,
  lang,
  initial,
}: {
  /** The search's API query string (its `template`, if any, is replaced by the one chosen here). */
  query: string;
  templates: { name: string; label: string }[];
  lang: string;
  initial?: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const signedIn = useCan('collaborator');
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  if (!signedIn || templates.length === 0) return null;
  const template = chosen ?? (templates.some((x) => x.name === initial) ? initial! : templates[0]!.name);
  return (
    <span className="zipexport">
      <label htmlFor={id} className="zipexport__label">
        {t('search.zipTemplate')}
      </label>
      <select id={id} value={template} onChange={(e) => setChosen(e.target.value)}>
        {templates.map((x) => (
          <option key={x.name} value={x.name}>
            {x.label}
          </option>
        ))}
      </select>
      <a href={zipExportHref(query, template, lang)} download title={t('search.zipHint')}>
        {t('search.zipWithFiles')}
      </a>
    </span>
  );
}
