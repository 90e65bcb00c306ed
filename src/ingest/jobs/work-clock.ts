/**
 * A time limit that is fair under load: it counts the CPU time a process tree spends (the process, its live
 * descendants and those it has reaped), not the wall clock. On a machine at load 30 a tesseract page that
 * needs 8 s of CPU takes minutes of wall time; a wall-clock limit fails good files there (14 of 480 corpus
 * files did) while the same files pass at load 1. A hang that burns no CPU (a deadlock, a blocked read) is
 * still caught by a wall-clock backstop, lengthened with the load so that it does not fail slow good work.
 *
 * CPU time comes from Linux's /proc; where it cannot be read the limit falls back to wall time.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

/** Clock ticks per second of /proc/<pid>/stat times: USER_HZ, 100 on every Linux architecture Node runs on. */
const TICKS_PER_SECOND = 100;
/** The backstop is at least this many times the CPU limit… */
const BACKSTOP_MIN = 3;
/** …and at most this many (a hang is found within ten limits even on a machine loaded twentyfold). */
const BACKSTOP_MAX = 10;

function statTimes(pid: number): { self: number; reaped: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces and parentheses.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime, stime, cutime, cstime are fields 14–17 of stat: 11–14 of what follows the name (0-based).
    const [u, s, cu, cs] = [f[11], f[12], f[13], f[14]].map(Number);
    if ([u, s, cu, cs].some((v) => v === undefined || Number.isNaN(v))) return null;
    return { self: u! + s!, reaped: cu! + cs! };
  } catch {
    return null;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .split(' ')
      .filter((s) => s.trim() !== '')
      .map(Number);
  } catch {
    return [];
  }
}

/** CPU milliseconds used so far by a process and all its descendants (live and reaped); null if unreadable. */
export function treeCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  const root = statTimes(pid);
  if (!root) return null;
  let ticks = root.self + root.reaped;
  const stack = childrenOf(pid);
  const seen = new Set<number>([pid]);
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    const t = statTimes(p);
    if (!t) continue; // ended between the two reads: its time is now in its parent's reaped share
    ticks += t.self + t.reaped;
    stack.push(...childrenOf(p));
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** How long a limit's wall-clock backstop is, given the machine's load: limit × clamp(2 × load per core). */
export function backstopMs(
  limitMs: number,
  load = loadavg()[0] ?? 0,
  cores = availableParallelism(),
): number {
  const factor = Math.min(BACKSTOP_MAX, Math.max(BACKSTOP_MIN, (2 * load) / Math.max(1, cores)));
  return limitMs * factor;
}

export type Overrun = 'cpu' | 'wall' | null;

/**
 * A limit on one piece of work by a process tree, started (or restarted, per page) with `restart()` and
 * polled with `overrun()`: 'cpu' once the tree has used more than `limitMs` of CPU since the start, 'wall'
 * once the backstop has passed (or `limitMs` of wall time where CPU time cannot be read).
 */
export class WorkClock {
  #startWall = 0;
  #startCpu: number | null = null;
  #backstop = 0;

  constructor(
    readonly pid: number | undefined,
    readonly limitMs: number,
    /** Fixed backstop (tests); by default it follows the load at each restart. */
    readonly fixedBackstopMs?: number,
  ) {
    this.restart();
  }

  restart(): void {
    this.#startWall = performance.now();
    this.#startCpu = treeCpuMs(this.pid);
    this.#backstop =
      this.#startCpu === null ? this.limitMs : (this.fixedBackstopMs ?? backstopMs(this.limitMs));
  }

  /** Wall milliseconds after which the work is stopped whatever its CPU time. */
  get backstopMs(): number {
    return this.#backstop;
  }

  /** CPU milliseconds used since the start (null where unknown). */
  cpuMs(): number | null {
    if (this.#startCpu === null) return null;
    const now = treeCpuMs(this.pid);
    return now === null ? null : now - this.#startCpu;
  }

  overrun(): Overrun {
    const cpu = this.cpuMs();
    if (cpu !== null && cpu > this.limitMs) return 'cpu';
    return performance.now() - this.#startWall > this.#backstop ? 'wall' : null;
  }
}
