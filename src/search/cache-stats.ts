/*
 * Counters of the result cache (decisions 69 and 78), for measuring what writes cost it: how many answers
 * each write keeps, serves stale or sends back to be searched, by which rule, and the time of cached and
 * searched reads. Off unless CYBERPORTAL_SEARCH_CACHE_STATS is set (to the report interval in seconds); the
 * report goes to stderr. Off, every call is a no-op.
 */
const every = Number(process.env.CYBERPORTAL_SEARCH_CACHE_STATS ?? 0);

const counts = new Map<string, number>();
const times = new Map<string, number[]>();

export const cacheStats = {
  on: every > 0,
  count(what: string, n = 1) {
    if (every > 0) counts.set(what, (counts.get(what) ?? 0) + n);
  },
  time(what: string, ms: number) {
    if (!(every > 0)) return;
    const list = times.get(what);
    if (list) list.push(ms);
    else times.set(what, [ms]);
  },
};

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

function report() {
  const parts = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`);
  for (const [k, list] of [...times].sort(([a], [b]) => a.localeCompare(b))) {
    const s = [...list].sort((a, b) => a - b);
    parts.push(
      `${k}: n ${s.length} p50 ${pct(s, 50).toFixed(1)} p99 ${pct(s, 99).toFixed(1)} max ${s[s.length - 1]!.toFixed(1)}`,
    );
  }
  if (parts.length)
    process.stderr.write(`[search cache ${new Date().toISOString().slice(11, 19)}] ${parts.join(' | ')}\n`);
  counts.clear();
  times.clear();
}

if (every > 0) setInterval(report, every * 1000).unref();
