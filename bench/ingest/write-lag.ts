/**
 * Event-loop lag of the HTTP thread while a huge file's text is written and while its entity is deleted:
 * the batched path (the runner's worker writes in short transactions; deleteEntity clears text in batches, in a worker
 * thread for large files)
 * against the previous path (one transaction on this thread: delete, insert and switch + index, as the former
 * replaceFileText did, and a cascading
 * delete), in the same run, on the same generated text file.
 *
 *   npx tsx bench/ingest/write-lag.ts [paragraphs=200000]   → Markdown on stdout and in bench/.out/ingest-lag.md
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { drainIngestQueue } from '../../src/cli/context.ts';
import { extractDocument, stableParagraphKeys } from '../../src/ingest/extract-document.ts';
import { createEntity } from '../../src/operations/create-entity.ts';
import { deleteEntity } from '../../src/operations/delete-entity.ts';
import { OPERATOR } from '../../src/operations/permissions.ts';
import { saveTemplate } from '../../src/operations/save-template.ts';
import { uploadFile } from '../../src/operations/upload-file.ts';
import { newId } from '../../src/store/ids.ts';
import { createTempStore } from '../../test/temp-store.ts';

const N = Number(process.argv[2] ?? 200_000);

type Row = { case: string; ms: number; p99: number; max: number; stalled: number; load: string };
const rows: Row[] = [];

/** Runs `fn` with the loop-delay histogram on, with 300 ms of idle loop before and after (same for both paths). */
async function measure(name: string, fn: () => Promise<void> | void) {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  // Time spent in stalls over 50 ms: a 38 s block is one sample of the histogram, so p99 hides it.
  let stalled = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    if (now - last > 50) stalled += now - last;
    last = now;
  }, 5);
  await new Promise((r) => setTimeout(r, 300));
  const t0 = performance.now();
  await fn();
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 300));
  h.disable();
  clearInterval(probe);
  const row = {
    stalled: Math.round(stalled),
    case: name,
    ms: Math.round(ms),
    p99: Math.round(h.percentile(99) / 1e6),
    max: Math.round(h.max / 1e6),
    load: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
  rows.push(row);
  console.error(row);
}

const t = await createTempStore();
const store = t.store;
const sqlite = store.sqlite.sqlite;
await saveTemplate({
  store,
  actor: OPERATOR,
  input: { name: 'Document', label: 'Document', properties: [] },
});
const text = Array.from(
  { length: N },
  (_, i) => `Paragraph ${i}: States should cooperate to prevent harmful ICT practices, norm ${i % 11}.`,
).join('\n\n');
const content = Buffer.from(text);

async function newDocument(title: string) {
  const entity = await createEntity({ store, actor: OPERATOR, input: { template: 'Document', title } });
  const file = await uploadFile({
    store,
    actor: OPERATOR,
    entityId: entity.id,
    filename: 'big.txt',
    content,
  });
  return { entity, file };
}

// The machine is shared: the same probes over an idle loop give the noise floor of this run.
await measure('idle loop, nothing running (baseline)', () => new Promise((r) => setTimeout(r, 10_000)));

// After: the runner as the server uses it (extraction + batched write in the worker), then deleteEntity.
{
  const { entity } = await newDocument('After');
  await measure('extract + write in the worker, batched (after)', () => drainIngestQueue(store, t.config));
  await measure('delete entity, text cleared in batches (after)', () =>
    deleteEntity({ store, actor: OPERATOR, id: entity.id }),
  );
}
// Before runs second: its 200k paragraph objects on this thread leave garbage whose collection would
// otherwise land in the batched path's measurement.
// Before: what the runner did on this thread once the worker returned (the extraction itself is not timed).
{
  const { entity, file } = await newDocument('Before');
  sqlite.prepare(`DELETE FROM jobs`).run();
  const ex = await extractDocument({ bytes: new Uint8Array(content) });
  const keys = stableParagraphKeys(ex.paragraphs.map((p) => p.text));
  const input = { ...ex, paragraphs: ex.paragraphs.map((p, i) => ({ ...p, key: keys[i]! })) };
  // The former one-transaction write, composed of the batched path's steps: nested, they become savepoints
  // of this one transaction.
  await measure('write, one transaction on the HTTP thread (before)', () =>
    store.transaction(async (tx) => {
      // All paragraphs go in the first call, all pages in the second.
      await tx.fileText.deleteBatch(file.id, Number.MAX_SAFE_INTEGER);
      await tx.fileText.deleteBatch(file.id, Number.MAX_SAFE_INTEGER);
      const ids = input.paragraphs.map(() => newId());
      await tx.fileText.insertBatch(file.id, input.pages, input.paragraphs, ids);
      await tx.fileText.setTextStatus(file.id, {
        ...input,
        pageCount: input.pages.length,
        paragraphCount: input.paragraphs.length,
      });
      await tx.searchIndex.indexFile(file.id);
    }),
  );
  await measure('delete entity, one transaction (before)', async () => {
    await store.transaction(async (tx) => {
      await tx.entities.delete(entity.id);
      await tx.searchIndex.removeEntity(entity.id);
    });
  });
}

await t.cleanup();

const md = [
  `### Event-loop lag while a ${N.toLocaleString('en')}-paragraph text file (${(content.length / 1e6).toFixed(1)} MB) is written and deleted`,
  '',
  `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}; lag from monitorEventLoopDelay (5 ms resolution) over the operation plus 300 ms of idle before and after.`,
  '',
  '| case | duration ms | loop p99 ms | loop max ms | time in stalls > 50 ms | load average (1/5/15 min) |',
  '|---|---:|---:|---:|---:|---|',
  ...rows.map((r) => `| ${r.case} | ${r.ms} | ${r.p99} | ${r.max} | ${r.stalled} | ${r.load} |`),
  '',
].join('\n');
mkdirSync('bench/.out', { recursive: true });
writeFileSync('bench/.out/ingest-lag.md', md);
console.log(md);
