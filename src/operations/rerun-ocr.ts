import { OCR_FILE_JOB } from '../domain/schemas/job.ts';
import { isOcrText } from '../ingest/ocr/ocr-extraction.ts';
import { TESSERACT_LANGUAGES, tesseractLanguage } from '../ingest/ocr/tesseract.ts';
import { nowIso } from '../store/ids.ts';
import type { Store, StoredFile } from '../store/store.ts';
import { NotFound, ValidationFailed } from './errors.ts';
import { getFile } from './get-file.ts';
import { type Actor, requireRole } from './permissions.ts';
import { recordActivity } from './record-activity.ts';

const LANGUAGES = Object.entries(TESSERACT_LANGUAGES)
  .map(([iso, t]) => `${t} (${iso})`)
  .join(', ');

/**
 * Queues OCR of a scanned PDF again in another language (admins): the OCR job reads its pages in it and
 * replaces the text, keeping the ids of paragraphs that read the same. The choice is remembered, so a
 * later re-extraction of the file reads it in that language too. Refused for a PDF with a text layer of
 * its own: OCR would replace real text with a reading of its picture.
 */
export async function rerunOcr({
  store,
  actor,
  fileId,
  language,
}: {
  store: Store;
  actor: Actor;
  fileId: string;
  language: string;
}): Promise<StoredFile> {
  const who = requireRole(actor, 'admin');
  const file = await getFile({ store, actor, id: fileId });
  const lang = tesseractLanguage(language);
  if (!lang) throw new ValidationFailed([{ path: 'language', message: `must be one of ${LANGUAGES}` }]);
  if (file.kind !== 'pdf')
    throw new ValidationFailed([{ path: 'fileId', message: `OCR reads PDFs; this file is ${file.kind}` }]);
  if (file.status === 'ready' && !isOcrText(file.reason))
    throw new ValidationFailed([
      {
        path: 'fileId',
        message:
          'the PDF has a text layer of its own: OCR would replace its text with a reading of its pictures',
      },
    ]);
  await store.transaction(async (tx) => {
    const at = nowIso();
    await tx.jobs.enqueue(OCR_FILE_JOB, { fileId, language: lang }, at);
    await recordActivity({
      store: tx,
      actor: who,
      action: 'ocr',
      targetType: 'file',
      targetId: fileId,
      note: { code: 'file.ocrQueued', params: { filename: file.filename, language: lang } },
    });
  });
  const queued = await store.files.findById(fileId);
  if (!queued) throw new NotFound('File', fileId);
  return queued;
}
