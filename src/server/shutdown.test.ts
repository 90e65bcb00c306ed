import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDocument, standardTemplates } from '../search/test-data.ts';
import { createFixture } from '../store/sqlite/search/test-fixtures.ts';

/**
 * Issue 15, item 3: portals were still running 40 minutes after SIGTERM, a core each, because a search
 * worker was spinning on a huge paragraph and nothing could stop it. A real `cyberportal serve` on a
 * temp data directory holding such paragraphs, searched by several readers at once, then SIGTERM.
 */
let dataDir: string;

/** One paragraph of `chars` characters, a searched word every few words. */
const huge = (chars: number) => {
  const words = ['cyber', 'norms', 'walrus', 'capacity', 'infrastructure', 'security'];
  return Array.from({ length: Math.ceil(chars / 8) }, (_, i) => words[i % words.length]).join(' ');
};

beforeAll(async () => {
  const fx = await createFixture();
  standardTemplates(fx);
  for (let i = 0; i < 3; i++)
    addDocument(fx, { title: `Hostile ${i}`, paragraphs: [huge(2_000_000 + i * 100_000)] });
  fx.sqlite.close();
  dataDir = fx.dataDir;
});
let portal: ChildProcess | undefined;
afterAll(() => {
  // Whatever happened above, the portal started here does not outlive the test.
  if (portal && portal.exitCode === null && portal.signalCode === null) portal.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** The process ids of a process's children (its search workers). */
const childrenOf = (pid: number) => {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when there are none
  }
};

/** Running, not a zombie (an orphan is reparented to PID 1, which in a container may never reap it). */
const alive = (pid: number) => {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
};

function serve(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['bin/cyberportal.js', '--data', dataDir, 'serve', '--no-demo'], {
    env: { ...process.env, PORT: '0', CYBERPORTAL_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const output = () => out;
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+\/)/.exec(out);
      if (m) resolve({ child, url: m[1]!, output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve exited (${code}) before listening:\n${out}`)));
  });
}

describe('SIGTERM', () => {
  it('ends a portal whose search workers are busy with huge paragraphs, leaving no worker behind', async () => {
    const { child, url, output } = await serve();
    portal = child;
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    // Readers searching words of the huge paragraphs, with snippets, within a file and autocomplete.
    const requests = ['walrus', 'cyber norms', 'capac*', '"walrus capacity"'].flatMap((q) =>
      [1, 2].map(() => fetch(`${url}api/v1/search?q=${encodeURIComponent(q)}`).catch(() => null)),
    );
    // Wait until the pool has started its workers, so there is something to stop.
    let workers: number[] = [];
    for (let i = 0; i < 200 && workers.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 50));
      workers = childrenOf(child.pid!);
    }
    child.kill('SIGTERM');
    const bound = new Promise<'still running'>((r) => setTimeout(() => r('still running'), 15_000).unref());
    const outcome = await Promise.race([exited, bound]);
    if (outcome === 'still running') child.kill('SIGKILL');
    expect(outcome, output()).not.toBe('still running');
    await Promise.all(requests);
    expect(workers.length).toBeGreaterThan(0);
    for (const pid of workers) expect(alive(pid), `search worker ${pid}`).toBe(false);
  }, 60_000);
});
