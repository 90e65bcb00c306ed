import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileRecord } from '../../../../domain/schemas/index.ts';
import { ApiError } from '../../../api/client.ts';
import { filesApi } from '../../../api/files.ts';

export type UploadState = 'waiting' | 'uploading' | FileRecord['status'] | 'refused';
export type Upload = {
  key: string;
  file: File;
  state: UploadState;
  /** Upload share while uploading, processing share while processing (0–1). */
  progress: number | null;
  reason: string | null;
  record: FileRecord | null;
};

const waiting = (file: File): Upload => ({
  key: `${file.name}-${file.size}-${file.lastModified}-${Math.random()}`,
  file,
  state: 'waiting',
  progress: null,
  reason: null,
  record: null,
});

const DONE = new Set<UploadState>(['ready', 'needs-ocr', 'failed', 'refused']);
const POLL_MS = 1000;

/**
 * Files on their way into an entity: each uploaded with its progress, then followed (GET /files/:id once a
 * second) through queued → processing n % → ready / needs-ocr / failed with the reason. Retry sends a refused
 * upload again, or a failed file as a new version of itself, which queues its processing again.
 */
export function useUploads() {
  const [items, setItems] = useState<Upload[]>([]);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const update = useCallback(
    (key: string, patch: Partial<Upload>) =>
      setItems((list) => list.map((u) => (u.key === key ? { ...u, ...patch } : u))),
    [],
  );

  const run = useCallback(
    async (entityId: string, u: Upload) => {
      update(u.key, { state: 'uploading', progress: 0, reason: null });
      try {
        const onProgress = (share: number) => update(u.key, { progress: share });
        const record = u.record
          ? await filesApi.replace(u.record.id, u.file, onProgress)
          : await filesApi.upload(entityId, u.file, onProgress);
        update(u.key, { state: record.status, progress: record.progress, reason: record.reason, record });
      } catch (e) {
        update(u.key, {
          state: 'refused',
          progress: null,
          reason: e instanceof ApiError ? e.message : String(e),
        });
      }
    },
    [update],
  );

  /** Adds files (shown as waiting until `start`). */
  const add = useCallback((files: File[]) => {
    setItems((list) => [...list, ...files.map(waiting)]);
  }, []);
  const removeWaiting = useCallback(
    (key: string) => setItems((l) => l.filter((u) => u.key !== key || u.state !== 'waiting')),
    [],
  );

  /** Uploads every waiting file and `extra` ones to `entityId`, one after the other (two cores serve everyone). */
  const start = useCallback(
    async (entityId: string, extra: File[] = []) => {
      const fresh = extra.map(waiting);
      if (fresh.length) setItems((list) => [...list, ...fresh]);
      for (const u of [...itemsRef.current.filter((x) => x.state === 'waiting'), ...fresh])
        await run(entityId, u);
    },
    [run],
  );
  /** A new version of an existing file, sent at once; `before` is kept for the re-anchoring report. */
  const replace = useCallback(
    (record: FileRecord, file: File) => {
      const u: Upload = {
        key: `${record.id}-${file.name}-${Math.random()}`,
        file,
        state: 'waiting',
        progress: null,
        reason: null,
        record,
      };
      setItems((list) => [...list, u]);
      void run(record.entityId, u);
    },
    [run],
  );
  const retry = useCallback(
    (entityId: string, key: string) => {
      const u = itemsRef.current.find((x) => x.key === key);
      if (u) void run(entityId, u);
    },
    [run],
  );

  // Follows the files being processed until each is done.
  const pending = items
    .filter((u) => u.record && !DONE.has(u.state) && u.state !== 'uploading')
    .map((u) => u.key)
    .join('|');
  useEffect(() => {
    if (!pending) return;
    const h = setInterval(async () => {
      for (const u of itemsRef.current) {
        if (!u.record || DONE.has(u.state) || u.state === 'uploading') continue;
        try {
          const r = await filesApi.file(u.record.id);
          update(u.key, { state: r.status, progress: r.progress, reason: r.reason, record: r });
        } catch {
          // A missed poll is tried again on the next tick.
        }
      }
    }, POLL_MS);
    return () => clearInterval(h);
  }, [pending, update]);

  const busy = items.some((u) => !DONE.has(u.state) && u.state !== 'waiting');
  return { items, add, removeWaiting, start, retry, replace, busy };
}
