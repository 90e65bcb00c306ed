import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throw-away PostgreSQL server for one test run. */
export type Cluster = { url: string; dir: string; stop: () => Promise<void> };

/** The bin directory of the newest PostgreSQL installed the Debian way (/usr/lib/postgresql/<version>/bin). */
export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0])
    throw new Error(
      'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/postgres): run `node scripts/ensure-system-deps.js` ' +
        'or set CYBERPORTAL_TEST_DATABASE_URL to a server the tests may create databases on.',
    );
  return join(root, versions[0], 'bin');
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** initdb and postgres refuse to run as root: as root, both run as the `postgres` OS user. */
function asServerUser(dir: string): { prefix: string[]; uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return { prefix: [] };
  const id = (flag: string) =>
    Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || uid === 0) throw new Error('Running as root needs a `postgres` OS user.');
  chownSync(dir, uid, gid);
  // setpriv execs (runuser forks), so the child we hold is the postmaster itself and our signals reach it.
  return { prefix: ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--init-groups', '--'], uid, gid };
}

/**
 * The postmaster outlives a test runner killed with SIGKILL (no teardown, no exit handler), so a detached
 * watchdog waits for the runner's pid to disappear, then stops the server at once and removes its files.
 */
function startWatchdog(runnerPid: number, postmasterPid: number, dir: string) {
  const script = `while kill -0 ${runnerPid} 2>/dev/null; do sleep 1; done
kill -QUIT ${postmasterPid} 2>/dev/null
for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 ${postmasterPid} 2>/dev/null || break; sleep 0.5; done
kill -KILL ${postmasterPid} 2>/dev/null
rm -rf '${dir}'`;
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  child.unref();
  return child;
}

async function waitForReady(bin: string, port: number, dir: string, server: ChildProcess, log: () => string) {
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error(`postgres exited with ${server.exitCode}:\n${log()}`);
    const r = spawnSync(join(bin, 'pg_isready'), ['-h', dir, '-p', String(port), '-q']);
    if (r.status === 0) return;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`postgres did not accept connections:\n${log()}`);
}

/**
 * Creates a cluster in a new temp directory and starts it: trust authentication, a unix socket in that
 * directory and a free port on 127.0.0.1, durability off (fsync, full-page writes), since its data is
 * thrown away. `stop` shuts it down and removes the directory.
 */
export async function startCluster(): Promise<Cluster> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'cyberportal-pg-'));
  chmodSync(dir, 0o700);
  const user = asServerUser(dir);
  const data = join(dir, 'data');
  const run = (cmd: string, args: string[]) => [...user.prefix, join(bin, cmd), ...args];
  const [initCmd, ...initArgs] = run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  const init = spawnSync(initCmd as string, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  }
  const port = await freePort();
  const [cmd, ...args] = run('postgres', [
    '-D',
    data,
    '-k',
    dir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=300',
    '-c',
    'shared_buffers=64MB',
  ]);
  const server = spawn(cmd as string, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-8000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  const watchdog = startWatchdog(process.pid, server.pid as number, dir);
  const killNow = () => server.kill('SIGQUIT');
  process.once('exit', killNow);
  try {
    await waitForReady(bin, port, dir, server, () => output);
  } catch (err) {
    server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const stop = async () => {
    process.removeListener('exit', killNow);
    if (server.exitCode === null) {
      const exited = new Promise((res) => server.once('exit', res));
      server.kill('SIGINT'); // fast shutdown: disconnects clients, no checkpoint wait worth having here
      await Promise.race([exited, new Promise((res) => setTimeout(res, 10_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    watchdog.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, stop };
}
