import type { MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition } from '../../domain/file-name.ts';
import { IdParams, PageRangeQuery } from '../../domain/schemas/api.ts';
import {
  DuplicateFileProblem,
  FileRecord,
  FileVersion,
  FileVersionParams,
  OcrInput,
  Page,
  Paragraph,
  UploadQuery,
} from '../../domain/schemas/file.ts';
import { Toc, TocEdit } from '../../domain/schemas/toc.ts';
import { editFileToc } from '../../operations/edit-file-toc.ts';
import { TooLarge, ValidationFailed } from '../../operations/errors.ts';
import { getFile } from '../../operations/get-file.ts';
import { getFileToc } from '../../operations/get-file-toc.ts';
import { listFileVersions } from '../../operations/list-file-versions.ts';
import { listPages } from '../../operations/list-pages.ts';
import { listParagraphs } from '../../operations/list-paragraphs.ts';
import { openFileOriginal } from '../../operations/open-file-original.ts';
import { openFileVersion } from '../../operations/open-file-version.ts';
import { replaceFileVersion } from '../../operations/replace-file-version.ts';
import { rerunOcr } from '../../operations/rerun-ocr.ts';
import { uploadFile } from '../../operations/upload-file.ts';
import { presentFile } from '../presenters/file.presenter.ts';

/** Passes the upload through and fails at its end if busboy cut it at the size limit. */
async function* untilLimit(part: MultipartFile, limitBytes: number) {
  for await (const chunk of part.file) yield chunk as Buffer;
  if (part.file.truncated) throw new TooLarge(limitBytes);
}

/** The multipart field "file" of an upload, with its bytes cut off (TooLarge) at the configured limit. */
async function uploadedPart(req: FastifyRequest, limit: number) {
  if (!req.isMultipart())
    throw new ValidationFailed([
      { path: 'file', message: 'send the file as multipart/form-data field "file"' },
    ]);
  const part = await req.file({ limits: { fileSize: limit, files: 1 } });
  if (part?.fieldname !== 'file')
    throw new ValidationFailed([
      { path: 'file', message: 'send the file in a multipart field named "file"' },
    ]);
  return { filename: part.filename, mimeType: part.mimetype, content: untilLimit(part, limit) };
}

/** Media types the download is served as: never the client's claim, so an upload cannot become a web page. */
// HTML stays application/octet-stream: served as text/html from our origin, an upload could run scripts.
const SERVED_AS = {
  pdf: 'application/pdf',
  text: 'text/plain; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as Record<string, string>;
/** Kinds a browser may show in place; the others are always downloaded. */
const INLINE = new Set(['pdf', 'text']);

/** The headers of an original's bytes: the type from its detected kind, shown in place or downloaded. */
function originalHeaders(file: { kind: string; size: number; filename: string }) {
  return {
    'content-type': SERVED_AS[file.kind] ?? 'application/octet-stream',
    'content-length': String(file.size),
    'content-disposition': contentDisposition(INLINE.has(file.kind) ? 'inline' : 'attachment', file.filename),
  };
}

/** Uploads, metadata, originals and extracted text of files; a file is visible when its entity is. */
export const filesRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['files'];
  r.post(
    '/entities/:id/files',
    {
      schema: {
        tags,
        summary: 'Upload an original (multipart field "file"); queued for text extraction (collaborator+)',
        description:
          'A file whose bytes (sha256) are already in the collection is refused with 409 and `duplicateOf` ' +
          '(the existing file, its entity and a link to it); nothing is stored. `?duplicate=allow` stores the copy.',
        consumes: ['multipart/form-data'],
        params: IdParams,
        querystring: UploadQuery,
        response: { 202: FileRecord, 409: DuplicateFileProblem },
      },
    },
    async (req, reply) => {
      const file = await uploadFile({
        store: app.store,
        actor: req.actor,
        entityId: req.params.id,
        duplicates: req.query.duplicate,
        ...(await uploadedPart(req, app.config.maxUploadBytes)),
      });
      return reply.code(202).send(presentFile(file));
    },
  );
  r.post(
    '/files/:id/versions',
    {
      schema: {
        tags,
        summary: 'Replace a file with a new version (multipart field "file"); queued again (collaborator+)',
        description:
          'The new original keeps the file id; its kind is detected from its content and the upload limit ' +
          'applies. The previous text stays readable until the new one is extracted; then every connection ' +
          'with an end in the file is re-anchored: ends found again get their new offsets and quote, ends that ' +
          'cannot be found mark the connection orphaned (listed by GET /references/orphaned, never deleted).',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 202: FileRecord },
      },
    },
    async (req, reply) => {
      const file = await replaceFileVersion({
        store: app.store,
        actor: req.actor,
        fileId: req.params.id,
        ...(await uploadedPart(req, app.config.maxUploadBytes)),
      });
      return reply.code(202).send(presentFile(file));
    },
  );
  r.post(
    '/files/:id/ocr',
    {
      schema: {
        tags,
        summary: 'Read a scanned PDF again with OCR in another language (admin)',
        description:
          'Queues an OCR job; the file is `processing` while its pages are read, then `ready` with the new ' +
          'text (paragraph ids kept where the text reads the same). The language is remembered for later ' +
          're-extractions. Refused (400) for a file that is not a PDF or has a text layer of its own.',
        params: IdParams,
        body: OcrInput,
        response: { 202: FileRecord },
      },
    },
    async (req, reply) => {
      const file = await rerunOcr({
        store: app.store,
        actor: req.actor,
        fileId: req.params.id,
        language: req.body.language,
      });
      return reply.code(202).send(presentFile(file));
    },
  );
  r.get(
    '/files/:id',
    {
      schema: {
        tags,
        summary: 'A file record and its processing state',
        params: IdParams,
        response: { 200: FileRecord },
      },
    },
    async (req) => presentFile(await getFile({ store: app.store, actor: req.actor, id: req.params.id })),
  );
  r.get(
    '/files/:id/download',
    { schema: { tags, summary: 'The original bytes', params: IdParams } },
    async (req, reply) => {
      const { file, stream } = await openFileOriginal({
        store: app.store,
        actor: req.actor,
        id: req.params.id,
      });
      return reply.headers(originalHeaders(file)).send(stream);
    },
  );
  r.get(
    '/files/:id/versions',
    {
      schema: {
        tags,
        summary: 'Every original of a file, newest first, each with its download path',
        description:
          'The current original (`current: true`, the highest `version`) and every earlier one kept when ' +
          '`POST /files/:id/versions` replaced it. Visible to whoever may see the file.',
        params: IdParams,
        response: { 200: z.array(FileVersion) },
      },
    },
    async (req) => listFileVersions({ store: app.store, actor: req.actor, fileId: req.params.id }),
  );
  r.get(
    '/files/:id/versions/:version/download',
    {
      schema: {
        tags,
        summary: 'The bytes of one version of a file (1 = the first upload)',
        params: FileVersionParams,
      },
    },
    async (req, reply) => {
      const { version, stream } = await openFileVersion({
        store: app.store,
        actor: req.actor,
        fileId: req.params.id,
        version: req.params.version,
      });
      return reply.headers(originalHeaders(version)).send(stream);
    },
  );
  r.get(
    '/files/:id/pages',
    {
      schema: {
        tags,
        summary: 'Pages of a file with line geometry',
        params: IdParams,
        querystring: PageRangeQuery,
        response: { 200: z.array(Page) },
      },
    },
    async (req) =>
      listPages({
        store: app.store,
        actor: req.actor,
        fileId: req.params.id,
        from: req.query.from,
        to: req.query.to,
      }),
  );
  r.get(
    '/files/:id/toc',
    {
      schema: {
        tags,
        summary: "A file's table of contents: the PDF's outline, else its headings",
        description:
          'Entries in order with their level (1 = top), page and the paragraph they lead to (null for a page ' +
          'without text). Written with the text, so paragraph ids follow re-extractions.',
        params: IdParams,
        response: { 200: Toc },
      },
    },
    async (req) => getFileToc({ store: app.store, actor: req.actor, fileId: req.params.id }),
  );
  r.put(
    '/files/:id/toc',
    {
      schema: {
        tags,
        summary: "Set a file's table of contents (editors)",
        description:
          'The whole list in order: entries renamed, indented, outdented, deleted or added at a paragraph. ' +
          "An entry anchored to a paragraph takes that paragraph's page. The list is kept when the file is " +
          'extracted again, each entry following its paragraph.',
        params: IdParams,
        body: TocEdit,
        response: { 200: Toc },
      },
    },
    async (req) =>
      editFileToc({ store: app.store, actor: req.actor, fileId: req.params.id, input: req.body }),
  );
  r.get(
    '/files/:id/paragraphs',
    {
      schema: {
        tags,
        summary: 'Paragraphs of a file in reading order',
        params: IdParams,
        response: { 200: z.array(Paragraph) },
      },
    },
    async (req) => listParagraphs({ store: app.store, actor: req.actor, fileId: req.params.id }),
  );
};
