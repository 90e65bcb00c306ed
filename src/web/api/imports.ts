import { CsvImportOptions, CsvImportPreview, CsvImportStatus } from '../../domain/schemas/csv-import.ts';
import { API_BASE, ApiError, checkedQuery, get, getSession } from './client.ts';

/**
 * Sends a CSV or ZIP to `POST /imports/csv` as multipart (the JSON `write` cannot carry a file): a dry
 * run answers the preview; otherwise the import starts and the answer names its job.
 */
export async function sendImport(file: File, options: CsvImportOptions): Promise<CsvImportPreview> {
  const { csrfToken } = await getSession();
  const form = new FormData();
  form.append('file', file, file.name);
  // The query as the server validates it, flags as "true"/"false" in the address.
  const url = checkedQuery(CsvImportOptions, '/imports/csv', {
    template: options.template,
    addNewValues: String(options.addNewValues),
    publish: String(options.publish),
    skipInvalid: String(options.skipInvalid),
    dryRun: String(options.dryRun),
  });
  const res = await fetch(`${API_BASE}${url}`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw ApiError.of(res.status, body?.title ? body : null);
  const parsed = CsvImportPreview.safeParse(body);
  if (!parsed.success)
    throw new ApiError(res.status, null, `Unexpected answer from /imports/csv: ${parsed.error.message}`);
  return parsed.data;
}

/** Where a started import stands. */
export const importStatus = (id: number, signal?: AbortSignal) =>
  get(CsvImportStatus, `/imports/${id}`, signal);
