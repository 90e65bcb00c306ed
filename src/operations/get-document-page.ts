import type { Entity } from '../domain/schemas/entity.ts';
import type { Page, Paragraph } from '../domain/schemas/file.ts';
import type { Store, StoredFile } from '../store/store.ts';
import { NotFound } from './errors.ts';
import { getEntity } from './get-entity.ts';
import type { Actor } from './permissions.ts';

/** One page of a document's text for the plain-HTML view, or why there is none to show yet. */
export type DocumentPage = {
  entity: Entity;
  file: StoredFile;
  /** The page asked for; null while the file is queued or processing, or when it has no text. */
  page: Pick<Page, 'number' | 'start' | 'end'> | null;
  /** Paragraphs starting on the page, in reading order (one crossing a page break shows where it starts). */
  paragraphs: Paragraph[];
  /** Pages of the file (0 before extraction). */
  pageCount: number;
};

/**
 * A page of a document's text: the entity (visible to the actor, else NotFound exactly as the API answers),
 * its file (`fileId`, else its first), and the paragraphs starting on page `page`. A page outside the
 * extracted file is NotFound; a file still processing, failed or needing OCR comes back with `page: null`.
 */
export async function getDocumentPage({
  store,
  actor,
  entityId,
  fileId,
  page,
}: {
  store: Store;
  actor: Actor;
  entityId: string;
  fileId?: string;
  page: number;
}): Promise<DocumentPage> {
  const entity = await getEntity({ store, actor, id: entityId });
  const files = await store.files.listByEntity(entity.id);
  const file = fileId ? files.find((f) => f.id === fileId) : files[0];
  if (!file) throw new NotFound(fileId ? 'File' : 'File of entity', fileId ?? entityId);
  const pageCount = file.pageCount ?? 0;
  if (file.status !== 'ready') return { entity, file, page: null, paragraphs: [], pageCount };
  const [found] = await store.pages.listPages(file.id, page, page);
  if (!found) throw new NotFound('Page', `${page} of file ${file.id}`);
  return {
    entity,
    file,
    page: { number: found.number, start: found.start, end: found.end },
    paragraphs: await store.pages.listParagraphs(file.id, page),
    pageCount,
  };
}
