import { randomBytes } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

/** How long a claim holds without a heartbeat; the owner renews it every third of that. */
export const DEFAULT_LEASE_MS = 30_000;

/**
 * A runner on this host whose process is alive keeps its jobs this long past its lease: its heartbeat may
 * be late because a long synchronous write holds the event loop, and the job is not abandoned. Past this,
 * the pid is taken to belong to another process now (pids are reused).
 */
const LIVE_OWNER_GRACE_MS = 10 * 60_000;

/** Attempts after which a file that keeps interrupting its runner fails instead of being tried again. */
export const MAX_ATTEMPTS = 3;

/**
 * This machine and pid namespace: a pid can only be asked about (process.kill(pid, 0)) by a process that
 * sees the same pids, and two containers may share a host name and a data directory volume.
 */
const HOST = (() => {
  try {
    return `${hostname()}/${readlinkSync('/proc/self/ns/pid').replace(/\D/g, '')}`;
  } catch {
    return hostname(); // no /proc (not Linux): the host name alone
  }
})();
/** How this host is named in owner ids (`pid@THIS_HOST#instance`). */
export const THIS_HOST = HOST;
const OWNER = /^(\d+)@(.*)#[0-9a-f]+$/;

/** Runners of this process that are started and not stopped. */
const liveOwners = new Set<string>();

/** A new owner id for one runner: `pid@host#random`, so another process can tell whether it still runs. */
export function newOwner(): string {
  return `${process.pid}@${HOST}#${randomBytes(4).toString('hex')}`;
}

/** Marks a runner of this process as running (true) or stopped (false). */
export function setOwnerLive(owner: string, live: boolean): void {
  if (live) liveOwners.add(owner);
  else liveOwners.delete(owner);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a running job's runner is gone, so its job may go back to the queue:
 * - a runner of this process that is not running any more, or a dead process on this host: at once (a
 *   restart after a crash resumes without waiting for the lease);
 * - a live process on this host: only long after its lease ran out (see LIVE_OWNER_GRACE_MS);
 * - a process on another host sharing the data directory (cannot be asked): when its lease ran out.
 */
export function isAbandoned(
  job: { owner: string | null; leaseExpires: number | null },
  at = Date.now(),
): boolean {
  if (!job.owner || job.leaseExpires === null) return true;
  const m = OWNER.exec(job.owner);
  if (!m || m[2] !== HOST) return job.leaseExpires < at;
  const pid = Number(m[1]);
  const alive = pid === process.pid ? liveOwners.has(job.owner) : processIsAlive(pid);
  return alive ? job.leaseExpires + LIVE_OWNER_GRACE_MS < at : true;
}

/** The reason a file gets when its text could not be saved because the disk is full. */
export const DISK_FULL_REASON =
  'The disk was full, so the extracted text could not be saved. Free some space, then run ' +
  '`cyberportal reindex` or upload the file again.';
