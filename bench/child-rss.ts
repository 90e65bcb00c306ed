import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory (bytes) of each child of this process (the extraction workers), read from Linux /proc. */
export function childRss(): number[] {
  const out: number[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      if (Number(/PPid:\s+(\d+)/.exec(status)?.[1]) !== process.pid) continue;
      out.push(Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024);
    } catch {
      // the process ended between readdir and read
    }
  }
  return out;
}
