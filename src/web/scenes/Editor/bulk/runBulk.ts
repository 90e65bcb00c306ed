import type { BulkEditInput, BulkEditResult } from '../../../../domain/schemas/index.ts';
import { entityWritesApi } from '../../../api/entities.ts';

/** Entities per request: each request is the server's batches of ≤ 200; the bar moves once per request. */
export const BULK_CHUNK = 200;

/**
 * One bulk action over many ids, sent in chunks so the page can show real progress (the server's answer
 * comes only when its request is done) and a failure stops no more than one chunk. The results add up.
 */
export async function runBulk(
  ids: string[],
  action: Omit<BulkEditInput, 'ids'>,
  onProgress: (done: number, total: number) => void,
): Promise<BulkEditResult> {
  const total: BulkEditResult = { total: 0, changed: 0, unchanged: 0, failed: [], activityIds: [] };
  onProgress(0, ids.length);
  for (let i = 0; i < ids.length; i += BULK_CHUNK) {
    const chunk = ids.slice(i, i + BULK_CHUNK);
    try {
      const r = await entityWritesApi.bulk({ ...action, ids: chunk });
      total.total += r.total;
      total.changed += r.changed;
      total.unchanged += r.unchanged;
      total.failed.push(...r.failed);
      total.activityIds.push(...r.activityIds);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      total.total += chunk.length;
      total.failed.push(...chunk.map((id) => ({ id, message })));
    }
    onProgress(Math.min(i + chunk.length, ids.length), ids.length);
  }
  return total;
}
