import type { Paragraph } from '../domain/schemas/file.ts';
import { createReference } from '../operations/create-reference.ts';
import { OPERATOR } from '../operations/permissions.ts';
import type { Store } from '../store/store.ts';
import { findSampleParagraph } from './documents/find-sample-paragraph.ts';
import { sampleConnections, sampleDocuments } from './documents/index.ts';
import type { DemoResult } from './load-demo.ts';

/** What createDemoConnections did. */
export type DemoConnectionsResult = {
  /** Connections created by this call. */
  created: number;
  /** Pairs that were connected already (a second call creates nothing). */
  existing: number;
  /** Pairs left out because one of their files has no text (its extraction failed). */
  skipped: number;
};

/**
 * The demo's pre-made connections: each labelled pair of `sampleConnections`, from the whole source paragraph
 * to the whole target paragraph as ingested, typed by the pair's relation. Runs after the sample PDFs are
 * ingested (paragraph offsets exist only then) and goes through `createReference`, so every anchor is checked
 * against the stored text like one made in the viewer. Idempotent: a pair already connected is skipped.
 */
export async function createDemoConnections({
  store,
  documents,
}: {
  store: Store;
  documents: DemoResult['documents'];
}): Promise<DemoConnectionsResult> {
  const result: DemoConnectionsResult = { created: 0, existing: 0, skipped: 0 };
  const fileOf = new Map(documents.map((d) => [d.key, d]));
  const paragraphsOf = new Map<string, Paragraph[]>();
  const paragraphs = async (fileId: string) => {
    if (!paragraphsOf.has(fileId)) paragraphsOf.set(fileId, await store.pages.listParagraphs(fileId));
    return paragraphsOf.get(fileId)!;
  };
  const end = async (side: { doc: string; block: number }) => {
    const doc = sampleDocuments.find((d) => d.key === side.doc);
    const loaded = fileOf.get(side.doc);
    if (!doc || !loaded) throw new Error(`the demo has no sample document "${side.doc}"`);
    const list = await paragraphs(loaded.fileId);
    if (list.length === 0) return null;
    const p = findSampleParagraph(doc, side, list);
    return {
      entityId: loaded.entityId,
      anchor: { fileId: loaded.fileId, start: p.start, end: p.end, exact: p.text, rects: p.rects },
    };
  };
  const references = store.references;
  for (const pair of sampleConnections) {
    const source = await end(pair.source);
    const target = await end(pair.target);
    if (!source || !target) {
      result.skipped++;
      continue;
    }
    if (await references.findSame(pair.relation, source.anchor, target.anchor)) {
      result.existing++;
      continue;
    }
    await createReference({
      store,
      actor: OPERATOR,
      input: {
        relationType: pair.relation,
        source: source.anchor,
        targetEntityId: target.entityId,
        target: target.anchor,
      },
    });
    result.created++;
  }
  return result;
}
