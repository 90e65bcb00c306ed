import { describeAnchor, resolveAnchor } from '../../domain/anchoring/index.ts';
import type { Anchor } from '../../domain/schemas/reference.ts';
import { newId, nowIso } from '../../store/ids.ts';
import type { Store } from '../../store/store.ts';
import { anchorRects } from '../anchor-rects.ts';
import type { TextConnection } from './plan-connections.ts';
import type { ImportReport } from './report.ts';

/**
 * Uwazi's text connections as our references, once their files have our text. Uwazi keeps only the quote
 * and rectangles on its own rendering (no offsets), so each quote is looked for in our text (exact, then
 * whitespace-insensitive, then a clearly best approximate match: the resolver re-anchoring uses). A quote
 * found nowhere, or in a file without text, is imported orphaned with its quote, as re-anchoring leaves a
 * lost end: never dropped, and listed with the other orphans for an editor to place.
 */
export async function importReferences({
  store,
  texts,
  fileIdOf,
  entityIdOf,
  relationTypeOf,
  mapped,
  dryRun,
  report,
}: {
  store: Store;
  texts: TextConnection[];
  fileIdOf: (uwaziFileId: string) => string | undefined;
  entityIdOf: (sharedId: string) => string | undefined;
  relationTypeOf: (uwaziId: string) => string | undefined;
  mapped: Map<string, string> | undefined;
  dryRun: boolean;
  report: ImportReport;
}): Promise<void> {
  const r = report.kinds.references;
  const textOf = new Map<string, string | null>();
  for (const t of texts) {
    r.read++;
    const label = `hub ${t.hub} "${t.quote.slice(0, 40)}"`;
    if (mapped?.has(t.uwaziId)) {
      r.unchanged++;
      continue;
    }
    const fileId = fileIdOf(t.fileUwaziId);
    const sourceId = entityIdOf(t.sourceSharedId);
    const targetId = entityIdOf(t.targetSharedId);
    const typeName = relationTypeOf(t.relationTypeId);
    const quote = t.quote.slice(0, 20_000);
    const why = !fileId
      ? `its file ${t.fileUwaziId} was not imported`
      : !sourceId || !targetId
        ? 'one of its entities was not imported'
        : !typeName
          ? 'it has no relation type'
          : !quote.trim()
            ? 'it quotes no text'
            : null;
    if (why || !fileId || !sourceId || !targetId || !typeName) {
      r.failed.push(`${label}: ${why}`);
      continue;
    }
    if (dryRun) {
      r.imported++;
      continue;
    }
    if (!textOf.has(fileId)) textOf.set(fileId, await store.files.fullText(fileId));
    const text = textOf.get(fileId) ?? null;
    const found = text
      ? resolveAnchor(text, { start: -1, end: -1, exact: quote, prefix: '', suffix: '' })
      : null;
    const source: Anchor =
      text && found
        ? describeAnchor({
            fileId,
            text,
            start: found.start,
            end: found.end,
            rects: await anchorRects(store, fileId, found.start, found.end),
          })
        : { fileId, start: 0, end: quote.length, exact: quote, prefix: '', suffix: '', rects: [] };
    const type = await store.relationTypes.findByName(typeName);
    if (!type) {
      r.failed.push(`${label}: relation type ${typeName} is missing`);
      continue;
    }
    const id = newId();
    await store.transaction(async (tx) => {
      await tx.references.insert({
        id,
        relationTypeId: type.id,
        relationType: type.name,
        sourceEntityId: sourceId,
        source,
        targetEntityId: targetId,
        target: null,
        orphaned: !found,
        createdBy: null,
        createdAt: nowIso(),
      });
      await tx.importMappings.insert(
        'uwazi',
        [{ kind: 'reference', sourceId: t.uwaziId, localId: id }],
        nowIso(),
      );
    });
    if (!found)
      r.loss.push(`${label}: quote not found in our text of the file; imported orphaned with its quote`);
    r.imported++;
  }
}
