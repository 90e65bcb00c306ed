/**
 * Time spent per step of a search, summed by name, only when CYBERPORTAL_SEARCH_SPANS=1 (for profiling
 * a bench's slow tail: which step a slow query spent its time in). Off, `span` is a plain call. On, each
 * process (a search worker) writes its sums to stderr every 10 s and starts again.
 */
const ON = !!process.env.CYBERPORTAL_SEARCH_SPANS;
/** `cpu`: the process's CPU time (a loaded machine's preemptions left out), else wall time. */
const now =
  process.env.CYBERPORTAL_SEARCH_SPANS === 'cpu'
    ? () => {
        const u = process.cpuUsage();
        return (u.user + u.system) / 1000;
      }
    : () => performance.now();

export const spanTotals = new Map<string, number>();

export function span<T>(name: string, fn: () => T): T {
  if (!ON) return fn();
  const t0 = now();
  try {
    return fn();
  } finally {
    spanTotals.set(name, (spanTotals.get(name) ?? 0) + now() - t0);
  }
}

if (ON)
  setInterval(() => {
    if (!spanTotals.size) return;
    const parts = [...spanTotals].map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`);
    process.stderr.write(`[search spans ${process.pid}] ${parts.join(' | ')}\n`);
    spanTotals.clear();
  }, 10_000).unref();
