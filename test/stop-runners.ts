import { afterAll } from 'vitest';
import { IngestRunner } from '../src/ingest/jobs/ingest-runner.ts';

/**
 * Test files share a worker process (vitest.config.ts, ARCHITECTURE decision 72), so an ingest runner a test
 * left started — one that timed out before its own clean-up stopped it — would go on polling (and its
 * extraction workers working) while the next files run. Every runner started in a file and not stopped is
 * stopped after the file, whatever its tests' outcome. A set-up file (run before each test file): the
 * prototype is wrapped once per loaded copy of the module, the list of live runners is the process's.
 */
type Live = Set<IngestRunner>;
const LIVE = Symbol.for('cyberportal.test.liveIngestRunners');
const WRAPPED = Symbol.for('cyberportal.test.wrappedIngestRunner');
const shared = globalThis as { [LIVE]?: Live };
shared[LIVE] ??= new Set();
const live = shared[LIVE];

const proto = IngestRunner.prototype as IngestRunner & { [WRAPPED]?: true };
if (!proto[WRAPPED]) {
  proto[WRAPPED] = true;
  const { start, stop } = proto;
  proto.start = function (this: IngestRunner) {
    live.add(this);
    start.call(this);
  };
  proto.stop = function (this: IngestRunner) {
    live.delete(this);
    return stop.call(this);
  };
}

afterAll(async () => {
  const left = [...live];
  live.clear();
  // stop() is the subclass's (the re-anchoring runner waits for its re-anchoring too); a store already
  // closed makes its last release fail, which it logs, and the lease would have run out anyway.
  await Promise.all(
    left.map((runner) =>
      Promise.race([runner.stop(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]),
    ),
  );
});
