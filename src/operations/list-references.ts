import { type ReferenceList, ReferenceListQuery } from '../domain/schemas/reference-view.ts';
import { publishedOnly, viewerOf } from '../domain/visibility.ts';
import type { Store } from '../store/store.ts';
import { fieldErrors, NotFound, ValidationFailed } from './errors.ts';
import { getEntity } from './get-entity.ts';
import { getFile } from './get-file.ts';
import type { Actor } from './permissions.ts';

/**
 * A page of the connections of one entity (or only those to it as a whole), file or paragraph, or of one page of a file (`fileId` + `page`: the
 * viewer's highlights for the page on screen). Anonymous readers see only connections whose two entities are
 * both published; a subject they may not see is NotFound.
 */
export async function listReferences({
  store,
  actor,
  query,
}: {
  store: Store;
  actor: Actor;
  query: ReferenceListQuery;
}): Promise<ReferenceList> {
  const parsed = ReferenceListQuery.safeParse(query);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const { entityId, fileId, paragraphId, page, wholeEntity, limit, offset } = parsed.data;
  const given = [entityId, fileId, paragraphId].filter((v) => v !== undefined).length;
  if (given !== 1)
    throw new ValidationFailed([
      { path: 'entityId', message: 'give exactly one of entityId, fileId and paragraphId' },
    ]);
  if (page !== undefined && !fileId)
    throw new ValidationFailed([
      { path: 'page', message: 'page goes with fileId: give the file whose page you want' },
    ]);
  if (wholeEntity && !entityId)
    throw new ValidationFailed([
      {
        path: 'wholeEntity',
        message: 'wholeEntity goes with entityId: give the entity connected to as a whole',
      },
    ]);
  const references = store.references;
  const opts = { limit, offset, publishedOnly: publishedOnly(viewerOf(actor)) };
  if (entityId) {
    await getEntity({ store, actor, id: entityId });
    return wholeEntity
      ? references.listToWholeEntity(entityId, opts)
      : references.listByEntity(entityId, opts);
  }
  if (fileId) {
    await getFile({ store, actor, id: fileId });
    if (page === undefined) return references.listByFile(fileId, opts);
    // A page past the end (or of a file not extracted yet) has no connections: an empty list, not an error,
    // since the viewer asks for pages as it scrolls.
    const range = await references.findPage(fileId, page);
    if (!range) return { items: [], total: 0, limit, offset };
    return references.listByPageRange(fileId, range.start, range.end, opts);
  }
  const paragraph = await references.findParagraph(paragraphId!);
  if (!paragraph) throw new NotFound('Paragraph', paragraphId!);
  await getFile({ store, actor, id: paragraph.fileId }).catch(() => {
    throw new NotFound('Paragraph', paragraphId!);
  });
  return references.listByRange(paragraph.fileId, paragraph.start, paragraph.end, opts);
}
