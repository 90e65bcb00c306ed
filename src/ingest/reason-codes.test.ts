import { describe, expect, it } from 'vitest';
import { fileReasonNotes } from '../domain/file-reasons.ts';
import { extractDocument } from './extract-document.ts';
import { DISK_FULL_REASON } from './jobs/job-claim.ts';
import { ocrNote } from './ocr/ocr-extraction.ts';
import { BLANK_REASON, NEEDS_OCR_REASON, PICTURE_PAGES_START } from './pdf/extract-pdf.ts';
import { REASONS } from './pdf/load.ts';

const reasonOf = async (bytes: Uint8Array, maxBytes?: number) =>
  (await extractDocument({ bytes, ...(maxBytes ? { maxBytes } : {}) })).reason;

describe('codes of a file’s reason, read off the ingest’s own sentences', () => {
  it('names what an unsupported, empty, blank or oversized upload is', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect(fileReasonNotes(await reasonOf(png))).toEqual([
      { code: 'unsupportedKind', params: { what: 'png' } },
    ]);
    const rtf = new TextEncoder().encode('{\\rtf1\\ansi Hello}');
    expect(fileReasonNotes(await reasonOf(rtf))).toEqual([
      { code: 'unsupportedKind', params: { what: 'rtf' } },
    ]);
    expect(fileReasonNotes(await reasonOf(new Uint8Array()))).toEqual([{ code: 'empty', params: {} }]);
    expect(fileReasonNotes(await reasonOf(new TextEncoder().encode('   \n  ')))).toEqual([
      { code: 'noText', params: {} },
    ]);
    const big = new TextEncoder().encode('x'.repeat(3000));
    expect(fileReasonNotes(await reasonOf(big, 2048))).toEqual([
      { code: 'tooLarge', params: { size: 3072, max: 2048 } },
    ]);
  });

  it('knows the PDF reader’s, the OCR’s and the jobs’ sentences, alone and one after another', () => {
    for (const [key, code] of [
      ['password', 'pdfPassword'],
      ['truncated', 'pdfTruncated'],
      ['damaged', 'pdfDamaged'],
      ['noPages', 'pdfNoPages'],
    ] as const)
      expect(fileReasonNotes(REASONS[key])).toEqual([{ code, params: {} }]);
    expect(fileReasonNotes(NEEDS_OCR_REASON)).toEqual([{ code: 'pdfNoTextLayer', params: {} }]);
    expect(fileReasonNotes(DISK_FULL_REASON)).toEqual([{ code: 'diskFull', params: {} }]);
    expect(
      fileReasonNotes(`${PICTURE_PAGES_START} (pages 2, 3): they are read by OCR. ${BLANK_REASON}`),
    ).toEqual([
      { code: 'picturePages', params: { pages: '2, 3' } },
      { code: 'pdfBlank', params: {} },
    ]);
    expect(fileReasonNotes(ocrNote('ara+eng', [4], [1, 4]))).toEqual([
      { code: 'ocrText', params: { language: 'ara+eng', pages: '1, 4' } },
      { code: 'ocrEmptyPages', params: { pages: '4' } },
    ]);
    expect(fileReasonNotes(ocrNote('fra', []))).toEqual([{ code: 'ocrText', params: { language: 'fra' } }]);
    expect(
      fileReasonNotes(
        'The file took too long to process (over 120 s of processing): it may be damaged or built to be expensive to read; split it, or save it again from its source application.',
      ),
    ).toEqual([{ code: 'tooSlow', params: { seconds: 120 } }]);
    expect(fileReasonNotes('tesseract failed: Error opening data file ara.traineddata')).toEqual([
      {
        code: 'ocrToolFailed',
        params: { tool: 'tesseract', detail: 'Error opening data file ara.traineddata' },
      },
    ]);
  });

  it('gives no codes when any sentence is not one it knows, so a client shows the English whole', () => {
    expect(fileReasonNotes(null)).toEqual([]);
    expect(fileReasonNotes('Something new went wrong.')).toEqual([]);
    expect(fileReasonNotes(`${REASONS.damaged} And something new.`)).toEqual([]);
  });
});
