import { csvLine, propertyColumns, readableValue, UTF8_BOM } from '../../../domain/readable-csv.ts';
import type { PortalData } from '../../lib/usePortalData.ts';
import type { BrowseRow } from './useBrowse.ts';

/**
 * The profiles Browse shows, as the readable CSV the search export writes (issue 12 item 3): one row per
 * profile, one column per property under its label, thesaurus labels and related titles in the reader's
 * language (the page's display copies), several values joined with `|`, formula-safe cells, a UTF-8 BOM;
 * then the documents that made each profile match. Built here because Browse filters in the browser: the
 * file holds exactly the rows on the screen, which the page has already loaded whole.
 */
export function browseCsv(rows: BrowseRow[], data: PortalData, lang: string, origin: string): string {
  const names = new Set(rows.map((r) => r.entity.template));
  const templates = data.templates.filter((t) => names.has(t.name));
  const columns =
    templates.length === 1
      ? propertyColumns(templates, templates[0]!.name, lang)
      : propertyColumns(templates, undefined, lang);
  const labels = {
    templates: data.templateByName,
    thesauri: new Map(data.thesauri.map((t) => [t.name, t])),
    titles: new Map([...data.byId].map(([id, e]) => [id, e.title])),
    lang,
  };
  // Media and image values naming this site's files (`/api/v1/files/…`) as full addresses, which still
  // open from a spreadsheet or another portal.
  const fullAddress = (template: string, property: string, value: unknown) => {
    const type = data.templateByName.get(template)?.properties.find((p) => p.name === property)?.type;
    return (type === 'media' || type === 'image') &&
      typeof value === 'string' &&
      value.startsWith('/') &&
      !value.startsWith('//')
      ? new URL(value, origin).href
      : value;
  };
  let out =
    UTF8_BOM + csvLine(['Title', 'Template', 'Published', ...columns.map((c) => c.label), 'Documents', 'Id']);
  for (const { entity, documents } of rows)
    out += csvLine([
      entity.title,
      data.templateByName.get(entity.template)?.label ?? entity.template,
      entity.published ? 'yes' : 'no',
      ...columns.map((c) =>
        readableValue(
          entity.template,
          c.name,
          fullAddress(entity.template, c.name, entity.metadata[c.name]),
          labels,
        ),
      ),
      documents.map((d) => d.title).join(' | '),
      entity.id,
    ]);
  return out;
}

/** Saves text as a file through the browser's download. */
export function downloadText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
