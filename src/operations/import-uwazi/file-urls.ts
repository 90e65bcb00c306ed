import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileDownloadPath } from '../../domain/schemas/entity.ts';
import { type BsonDoc, idOf } from './read-dump.ts';

/** The kinds of Uwazi file an entity keeps (the others are site assets: logos, custom uploads). */
export const ENTITY_FILE_TYPES = new Set(['document', 'attachment', 'thumbnail']);

/**
 * The name of the uploaded file an Uwazi media or image value points at, or null when it points elsewhere.
 * Uwazi writes `/api/files/<filename>` (an attachment picked in its media and image fields), older versions
 * `/uploaded_documents/<filename>` and `/api/attachments/download?_id=…&file=<filename>`; a value copied
 * from a browser carries the Uwazi host in front, and a download link `?download=true` behind.
 */
export function uwaziFileName(url: string): string | null {
  const u = url.trim();
  let path: string;
  let query: URLSearchParams;
  try {
    const parsed = new URL(u, 'http://uwazi.invalid');
    if (!/^https?:$/.test(parsed.protocol)) return null;
    path = decodeURIComponent(parsed.pathname);
    query = parsed.searchParams;
  } catch {
    return null;
  }
  if (path === '/api/attachments/download') return query.get('file') || null;
  const m = /^\/(?:api\/files|uploaded_documents)\/([^/]+)$/.exec(path);
  return m?.[1] ?? null;
}

/**
 * Our id of every Uwazi file this import brings (or an earlier one brought), decided before any entity is
 * written so that media and image values can point at our copy: an earlier import's id, else a new one for
 * an entity's file present in the files folder. A file that then fails to store leaves its values pointing at
 * a file that is not there; importFiles reports that file.
 */
export function planFileIds({
  files,
  filesDir,
  mapped,
  newId,
}: {
  files: BsonDoc[];
  filesDir: string | null;
  mapped: Map<string, string> | undefined;
  newId: () => string;
}): Map<string, string> {
  const ids = new Map<string, string>();
  for (const f of files) {
    const uwaziId = idOf(f._id);
    const known = mapped?.get(uwaziId);
    if (known) ids.set(uwaziId, known);
    else if (
      ENTITY_FILE_TYPES.has(String(f.type ?? 'document')) &&
      f.filename &&
      filesDir &&
      existsSync(join(filesDir, String(f.filename)))
    )
      ids.set(uwaziId, newId());
  }
  return ids;
}

/** What became of a media or image value's address. */
export type Rewritten = { url: string; loss?: string };

/**
 * Rewrites a value that points at an Uwazi uploaded file to our copy's download path; any other address
 * (YouTube, a museum's image) is kept as it is. One that names an Uwazi file we do not have is kept too, as
 * data, with the reason, so the report lists it and nothing is dropped.
 */
export function fileUrlRewriter(files: BsonDoc[], ids: Map<string, string>): (url: string) => Rewritten {
  const byName = new Map<string, BsonDoc>();
  for (const f of files) if (f.filename) byName.set(String(f.filename), f);
  return (url) => {
    const name = uwaziFileName(url);
    if (name === null) return { url };
    const file = byName.get(name);
    // A full address on another site that merely looks like Uwazi's is that site's; a bare path is Uwazi's.
    if (!file && /^https?:/i.test(url.trim())) return { url };
    if (!file)
      return { url, loss: `"${url}" names an Uwazi file that is not in the dump's files; kept as it was` };
    const id = ids.get(idOf(file._id));
    if (!id)
      return {
        url,
        loss: `"${url}" names ${name}, which is not imported (missing from the files folder); kept as it was`,
      };
    return { url: fileDownloadPath(id) };
  };
}
