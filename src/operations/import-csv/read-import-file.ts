import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { ValidationFailed } from '../errors.ts';

/** Most bytes a ZIP may unpack to: the files are held in memory until attached. */
const MAX_UNZIPPED = 1024 * 1024 * 1024;

/** An import file read: the CSV's text, the files beside it in a ZIP, and the SHA-256 that names the import. */
export type ImportSource = { text: string; files: Map<string, Uint8Array>; sha256: string; zip: boolean };

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * Reads a CSV, or a ZIP holding `import.csv` and the files its `file` and `attachments` columns name (as
 * Uwazi's import takes them). The CSV must be UTF-8: a file in another encoding is refused rather than
 * imported with broken accents.
 */
export function readImportFile(bytes: Uint8Array): ImportSource {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let csv = bytes;
  const files = new Map<string, Uint8Array>();
  if (isZip(bytes)) {
    let total = 0;
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes, {
        filter: (f) => {
          total += f.originalSize;
          if (total > MAX_UNZIPPED) throw new Error('unpacks to more than 1 GiB');
          return !f.name.endsWith('/');
        },
      });
    } catch (err) {
      throw new ValidationFailed([
        { path: 'file', message: `not a readable ZIP: ${(err as Error).message}`, code: 'csv.notZip' },
      ]);
    }
    const name = Object.keys(entries).find((n) => n.toLowerCase() === 'import.csv');
    if (!name)
      throw new ValidationFailed([
        { path: 'file', message: 'the ZIP has no import.csv at its top level', code: 'csv.noImportCsv' },
      ]);
    csv = entries[name]!;
    for (const [n, content] of Object.entries(entries)) if (n !== name) files.set(n, content);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(csv);
  } catch {
    throw new ValidationFailed([
      {
        path: 'file',
        message: 'the CSV is not UTF-8; save it as "CSV UTF-8" and try again',
        code: 'csv.notUtf8',
      },
    ]);
  }
  return { text, files, sha256, zip: isZip(bytes) };
}
