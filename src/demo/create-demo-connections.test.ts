import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { drainIngestQueue } from '../cli/context.ts';
import { listReferences } from '../operations/list-references.ts';
import { OPERATOR } from '../operations/permissions.ts';
import { createDemoConnections } from './create-demo-connections.ts';
import { sampleConnections } from './documents/index.ts';
import { type DemoResult, loadDemo } from './load-demo.ts';

let t: TempStore;
let demo: DemoResult;

beforeAll(async () => {
  t = await createTempStore();
  demo = await loadDemo({ store: t.store });
  await drainIngestQueue(t.store, t.config);
}, 180_000);
afterAll(() => t.cleanup());

describe('createDemoConnections', () => {
  it('connects all 83 labelled pairs, each end quoting the stored text of its paragraph, once', async () => {
    expect(sampleConnections).toHaveLength(83);
    const first = await createDemoConnections({ store: t.store, documents: demo.documents });
    expect(first).toEqual({ created: 83, existing: 0, skipped: 0 });

    const relationOf = new Map<string, string>();
    for (const doc of demo.documents) {
      const text = (await t.store.files.fullText(doc.fileId))!;
      const paragraphs = await t.store.pages.listParagraphs(doc.fileId);
      const list = await listReferences({
        store: t.store,
        actor: OPERATOR,
        query: { fileId: doc.fileId, limit: 500 },
      });
      for (const ref of list.items) {
        relationOf.set(ref.id, ref.relationType);
        for (const end of [ref.source, ref.target!]) {
          if (end.fileId !== doc.fileId) continue;
          expect(text.slice(end.start, end.end)).toBe(end.exact);
          // The whole paragraph: an end starts and stops where an ingested paragraph does.
          const paragraph = paragraphs.find((p) => p.start === end.start && p.end === end.end);
          expect(paragraph).toBeDefined();
          // Its rectangles are the paragraph's lines, drawn from the stored geometry of the PDF's pages.
          expect(end.rects.map((r) => [r.page, r.y])).toEqual(paragraph!.rects.map((r) => [r.page, r.y]));
        }
        expect(ref.orphaned).toBe(false);
      }
    }
    expect(relationOf.size).toBe(83);
    // Typed by each pair's relation: the counts per relation type match the labelled pairs.
    const count = (names: string[]) =>
      Object.fromEntries([...new Set(names)].map((n) => [n, names.filter((x) => x === n).length]));
    expect(count([...relationOf.values()])).toEqual(count(sampleConnections.map((c) => c.relation)));

    // Loading again (a second first-start, a re-run) adds nothing.
    const again = await createDemoConnections({ store: t.store, documents: demo.documents });
    expect(again).toEqual({ created: 0, existing: 83, skipped: 0 });
  }, 120_000);
});
