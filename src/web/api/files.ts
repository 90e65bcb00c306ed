import { z } from 'zod';
import { FileRecord, FileVersion } from '../../domain/schemas/file.ts';
import { API_BASE, ApiError, csrfHeader, get } from './client.ts';

const enc = encodeURIComponent;

/**
 * Sends one original (multipart field `file`) with upload progress (0–1), which fetch cannot report; the answer
 * is parsed with FileRecord like every other call. Errors are ApiError with the server's problem document.
 */
async function send(path: string, file: File, onProgress: (share: number) => void): Promise<FileRecord> {
  const headers = await csrfHeader();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}`);
    xhr.setRequestHeader('accept', 'application/json');
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(ApiError.of(0, null));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: the status tells.
      }
      if (xhr.status >= 400) {
        const problem =
          body && typeof (body as { title?: unknown }).title === 'string'
            ? (body as ApiError['problem'])
            : null;
        return reject(ApiError.of(xhr.status, problem));
      }
      const parsed = FileRecord.safeParse(body);
      if (parsed.success) resolve(parsed.data);
      else reject(new ApiError(xhr.status, null, `Unexpected answer from ${path}: ${parsed.error.message}`));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Uploads and file state (`POST /entities/:id/files`, `POST /files/:id/versions`, `GET /files/:id`). */
export const filesApi = {
  upload: (entityId: string, file: File, onProgress: (share: number) => void) =>
    send(`/entities/${enc(entityId)}/files`, file, onProgress),
  /** A new version of a file (also how a failed file is tried again: its processing is queued anew). */
  replace: (fileId: string, file: File, onProgress: (share: number) => void) =>
    send(`/files/${enc(fileId)}/versions`, file, onProgress),
  file: (fileId: string, signal?: AbortSignal) => get(FileRecord, `/files/${enc(fileId)}`, signal),
  /** Every original of a file, newest first, each with its download path. */
  versions: (fileId: string, signal?: AbortSignal) =>
    get(z.array(FileVersion), `/files/${enc(fileId)}/versions`, signal),
};
