import { SingleBar } from 'cli-progress';

/**
 * A progress bar on a terminal, plain "step n/N" lines elsewhere (CI logs, pipes), nothing with --json.
 * Returns an update function and a stop function.
 */
export function progressBar(label: string, { quiet = false } = {}) {
  if (quiet) return { update: (_done: number, _total: number) => {}, stop: () => {} };
  if (!process.stderr.isTTY) {
    let lastShown = -1;
    return {
      update(done: number, total: number) {
        const pct = total ? Math.floor((100 * done) / total) : 100;
        if (pct >= lastShown + 10 || done === total) {
          lastShown = pct;
          process.stderr.write(`${label}: ${done}/${total} (${pct}%)\n`);
        }
      },
      stop() {},
    };
  }
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% {value}/{total}`,
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: false,
  });
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
