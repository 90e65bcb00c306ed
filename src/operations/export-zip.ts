import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { ExportLanguages, SearchQuery } from '../domain/schemas/search.ts';
import { viewerOf } from '../domain/visibility.ts';
import type { SearchProvider } from '../search/provider.ts';
import type { Store } from '../store/store.ts';
import { ValidationFailed } from './errors.ts';
import { readableCsv } from './export-search.ts';
import { type Actor, requireRole } from './permissions.ts';

/** The name the CSV import looks for at the top of a ZIP (read-import-file.ts). */
export const IMPORT_CSV_NAME = 'import.csv';

/**
 * Every result of a search of one template, with its files, as a ZIP in the import's own format (issue 12
 * item 4): `import.csv` (the readable CSV, whose `file` and `attachments` columns and media and image values
 * name files inside the ZIP) and the entities' documents and attachments under `files/<entity>/`. So the
 * ZIP imported into another portal gives the same values and the same file bytes.
 *
 * Streamed: the files go into the ZIP page by page as the search is walked, read from disk in chunks and
 * stored as they are (PDFs and images are compressed already), while the CSV lines go to a temporary file
 * that becomes the last entry, so memory holds one page of rows and one chunk of a file, however large the
 * collection. The output waits for its reader (backpressure). The first page is read before this resolves,
 * so a bad query or a search past its deadline is still answered with an error instead of a cut-off file.
 */
export async function exportSearchZip({
  store,
  search,
  actor,
  query,
  languages = 'reader',
  origin,
}: {
  store: Store;
  search: SearchProvider;
  actor: Actor;
  query: SearchQuery;
  languages?: ExportLanguages;
  /** The site's address, for media and image values naming files of this site that the ZIP does not carry. */
  origin?: string;
}): Promise<Readable> {
  // Every original of every matching entity in one request: for the accounts that curate, not for readers.
  requireRole(actor, 'collaborator');
  if (!query.template)
    throw new ValidationFailed([
      { path: 'template', message: 'an import takes one template per file: name the template to export' },
    ]);
  if (!(await store.templates.findByName(query.template)))
    throw new ValidationFailed([{ path: 'template', message: `no template named "${query.template}"` }]);
  const pages = readableCsv({
    store,
    search,
    query,
    viewer: viewerOf(actor),
    everyLanguage: languages === 'all',
    origin,
    withFiles: true,
  });
  const first = await pages.next();
  const dir = await mkdtemp(join(tmpdir(), 'cyberportal-export-'));
  const out = new PassThrough();
  const zip = new Zip((err, data, final) => {
    if (out.destroyed) return;
    if (err) out.destroy(err);
    else {
      out.write(data);
      if (final) out.end();
    }
  });
  // A reader that went away (a cancelled download) ends the walk at the next chunk.
  const waitForReader = async () => {
    if (out.writableNeedDrain && !out.destroyed) await Promise.race([once(out, 'drain'), once(out, 'close')]);
    if (out.destroyed) throw new Error('the download was cancelled');
  };
  const write = async () => {
    const csvPath = join(dir, IMPORT_CSV_NAME);
    const csv = createWriteStream(csvPath);
    try {
      let page = first;
      while (!page.done) {
        if (!csv.write(page.value.text)) await once(csv, 'drain');
        for (const { name, file } of page.value.files) {
          const entry = new ZipPassThrough(name);
          entry.mtime = new Date(file.createdAt);
          zip.add(entry);
          for await (const chunk of store.originals.read(file.storageKey)) {
            entry.push(chunk as Uint8Array);
            await waitForReader();
          }
          entry.push(new Uint8Array(0), true);
        }
        page = await pages.next();
      }
      await new Promise<void>((resolve, reject) =>
        csv.end((err?: Error | null) => (err ? reject(err) : resolve())),
      );
      const entry = new ZipDeflate(IMPORT_CSV_NAME, { level: 6 });
      zip.add(entry);
      for await (const chunk of createReadStream(csvPath)) {
        entry.push(chunk as Uint8Array);
        await waitForReader();
      }
      entry.push(new Uint8Array(0), true);
      zip.end();
    } finally {
      csv.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  };
  write().catch((err: Error) => {
    if (!out.destroyed) out.destroy(err);
    void pages.return(undefined);
  });
  return out;
}
