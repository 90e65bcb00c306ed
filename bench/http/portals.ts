/**
 * The portals a reader bench compares: one child process per checkout (bench/http/server.ts), each the
 * real `startPortal` of that checkout on its own copy of a corpus.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

export type Server = { child: ChildProcess; url: string };

/** Starts the portal of `tree` on `dataDir` (result cache on or off); resolves once it listens. */
export async function start(tree: string, dataDir: string, cache: boolean): Promise<Server> {
  const child = fork(join(import.meta.dirname, 'server.ts'), [tree, dataDir, cache ? '1' : '0'], {
    execArgv: ['--import', 'tsx'],
    cwd: tree,
  });
  const url = await new Promise<string>((res, rej) => {
    child.once('message', (m: { url: string }) => res(m.url));
    child.once('exit', (code) => rej(new Error(`server exited ${code}`)));
  });
  return { child, url };
}

/** Stops a portal; resolves with the number of writes it made. */
export const stop = (s: Server) =>
  new Promise<number>((res) => {
    s.child.once('message', (m: { writes: number }) => res(m.writes));
    s.child.send({ stop: true });
  });
