import { createServer } from 'node:net';

/** A port nothing listens on right now, for a server a bench starts. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** The p-th percentile of some latencies (nearest rank; 0 for none). */
export const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};

/** Milliseconds as the tables print them: whole above 100, one decimal below. */
export const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
