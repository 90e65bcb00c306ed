/**
 * The fair time limit (work-clock.ts): CPU time of a process tree counts, waiting does not; a process that
 * hangs without working is still stopped by the wall-clock backstop, which lengthens with the load.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { backstopMs, type Overrun, treeCpuMs, WorkClock } from './work-clock.ts';

const children: ChildProcess[] = [];
/** Each child leads its own process group, so that its spinning grandchildren are killed with it. */
const start = (cmd: string, args: string[]) => {
  const c = spawn(cmd, args, { stdio: 'ignore', detached: true });
  children.push(c);
  return c;
};
afterEach(() => {
  for (const c of children.splice(0)) {
    try {
      process.kill(-c.pid!, 'SIGKILL');
    } catch {
      // The group is gone already.
    }
  }
});

/** Polls the clock as the OCR runner and the extraction client do, until it overruns or the child ends. */
async function watch(child: ChildProcess, clock: WorkClock): Promise<Overrun | 'exited'> {
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  for (;;) {
    await new Promise((r) => setTimeout(r, 50));
    if (exited) return 'exited';
    const over = clock.overrun();
    if (over) return over;
  }
}

const SPIN = ['-e', 'for(;;){}'];

describe('work clock', () => {
  it('counts the CPU time of a busy process and of the programs it runs', async () => {
    // The spinner is a grandchild, as tesseract is of the extraction worker.
    const sh = start('sh', [
      '-c',
      `exec ${process.execPath} -e 'require("child_process").spawn(process.execPath, ["-e", "for(;;){}"], {stdio: "inherit"}); setInterval(() => {}, 1000)'`,
    ]);
    const clock = new WorkClock(sh.pid, 300, 600_000);
    expect(await watch(sh, clock)).toBe('cpu');
    expect(clock.cpuMs()).toBeGreaterThan(300);
  }, 120_000);

  it('does not count waiting: a process that only sleeps past the limit is not stopped for it', async () => {
    const sleeper = start('sleep', ['1.5']);
    // A 200 ms limit that a wall clock would have passed seven times over.
    const clock = new WorkClock(sleeper.pid, 200, 60_000);
    expect(await watch(sleeper, clock)).toBe('exited');
  }, 60_000);

  it('stops a process that hangs without working at the backstop', async () => {
    const hung = start('sleep', ['60']);
    const clock = new WorkClock(hung.pid, 200, 1_000);
    expect(await watch(hung, clock)).toBe('wall');
  }, 60_000);

  it('restarts per piece of work (a page): CPU used before the restart does not count', async () => {
    const spinner = start(process.execPath, SPIN);
    const clock = new WorkClock(spinner.pid, 60_000, 600_000);
    while ((clock.cpuMs() ?? 0) < 200) await new Promise((r) => setTimeout(r, 50));
    clock.restart();
    expect(clock.cpuMs()!).toBeLessThan(200);
  }, 120_000);

  it('falls back to wall time where CPU time cannot be read', () => {
    expect(treeCpuMs(2 ** 30)).toBeNull();
    const clock = new WorkClock(2 ** 30, 100);
    expect(clock.backstopMs).toBe(100);
  });

  it('lengthens the backstop with the load, within 3 and 10 limits', () => {
    expect(backstopMs(30_000, 0.5, 2)).toBe(90_000);
    expect(backstopMs(30_000, 8, 2)).toBe(240_000);
    expect(backstopMs(30_000, 34, 2)).toBe(300_000);
  });
});
