import { hostname } from 'node:os';
import type { Job } from '../../domain/schemas/job.ts';

/** This process, as it signs the import jobs it runs (`host:pid`). */
export const THIS_PROCESS = `${hostname()}:${process.pid}`;

/** Import jobs this process is running now: one it signed but no longer runs ended with an error. */
export const RUNNING_HERE = new Set<number>();

/** A job not moved for this long is taken to be abandoned by a process on another machine. */
export const IMPORT_STALE_MS = 60_000;

/** Whether the process that signed `owner` is gone: known only for processes on this machine. */
function ownerGone(jobId: number, owner: unknown): boolean | null {
  if (typeof owner !== 'string') return true;
  const [host, pid] = owner.split(':');
  if (host !== hostname()) return null;
  if (Number(pid) === process.pid) return !RUNNING_HERE.has(jobId);
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Whether an unfinished import job may be taken up by this process: its process on this machine is gone
 * (a killed CLI run again at once), or, for one on another machine, it has not moved for IMPORT_STALE_MS.
 */
export function mayTakeUp(job: Job, now = Date.now()): boolean {
  const gone = ownerGone(job.id, job.payload.owner);
  return gone === true || (gone === null && now - Date.parse(job.updatedAt) >= IMPORT_STALE_MS);
}
