import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../test/ingest-files.ts';
import { launchForScans } from '../../../test/scanned-pdf.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { searchWithinFile } from '../../operations/search-within-file.ts';
import { createSearchPool, type SearchPool } from '../../store/sqlite/search/worker-pool.ts';
import { extractDocument } from '../extract-document.ts';

/**
 * A page with a text layer and a picture of text (a scanned statement pasted under the typed paragraphs):
 * extraction keeps the typed text and queues OCR for the picture; the OCR job reads only the picture and
 * its lines join the page's, in reading order, at their place on the page.
 */
const TYPED_1 = 'The ministry reports on the national exercise held in March.';
const TYPED_2 = 'The statement of the regulator is reproduced below as received.';
/** One paragraph of two lines. */
const TYPED = `${TYPED_1} ${TYPED_2}`;
const PICTURE_HTML = `<p style="margin:0;font:16px/1.4 'Noto Serif',serif">The regulator confirms that the grid
operator notified the incident within four hours and that backup telephone lines worked throughout.</p>`;

let t: TempStore;
let search: SearchPool;
let bytes: Uint8Array;
let fileId: string;

async function mixedPage(): Promise<Uint8Array> {
  const browser = await launchForScans();
  let png: Buffer;
  try {
    const page = await browser.newPage({ viewport: { width: 600, height: 120 }, deviceScaleFactor: 2.5 });
    await page.setContent(
      `<!doctype html><html><body style="margin:12px;background:#fff">${PICTURE_HTML}</body></html>`,
    );
    await page.evaluate('document.fonts.ready');
    png = await page.screenshot({ type: 'png' });
  } finally {
    await browser.close();
  }
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595.28, 841.89]);
  page.drawText(TYPED_1, { x: 72, y: 760, size: 11, font });
  page.drawText(TYPED_2, { x: 72, y: 746, size: 11, font });
  page.drawImage(await doc.embedPng(png), { x: 72, y: 560, width: 450, height: 90 });
  return doc.save();
}

beforeAll(async () => {
  t = await createTempStore();
  bytes = await mixedPage();
  const path = join(t.dataDir, 'exercise.pdf');
  writeFileSync(path, bytes);
  fileId = (await ingestFiles(t, [path]))[0]!.fileId!;
  search = createSearchPool({ dbPath: t.store.sqlite.path, sqlite: t.store.sqlite.sqlite, workers: 0 });
}, 180_000);
afterAll(async () => {
  await search?.close();
  await t?.cleanup();
});

const OPERATOR = { id: null, username: 'operator', role: 'admin' } as const;

describe('pictures on pages with text', () => {
  it('are found at extraction, which keeps the typed text and asks for OCR of page 1', async () => {
    const ex = await extractDocument({ bytes, filename: 'exercise.pdf' });
    expect(ex.status).toBe('ready');
    expect(ex.paragraphs.map((p) => p.text)).toEqual([TYPED]);
    expect(ex.ocrPages).toEqual([1]);
    expect(ex.reason).toMatch(/pictures \(page 1\): their words are read by OCR/);
  });

  it('have their words read by OCR and merged into the page after the typed text, where they are printed', async () => {
    const file = await t.store.files.findById(fileId);
    expect(file?.status).toBe('ready');
    const paragraphs = await t.store.pages.listParagraphs(fileId);
    expect(paragraphs[0]!.text).toBe(TYPED);
    const read = paragraphs
      .slice(1)
      .map((p) => p.text)
      .join(' ');
    expect(read).toMatch(/^The regulator confirms that the grid operator notified the incident/);
    expect(read).toMatch(/backup telephone lines worked throughout\.$/);
    // At the picture's place: 72 pt from the left, its top 841.89 - 650 ≈ 192 pt from the top of the page.
    const rect = paragraphs[1]!.rects[0]!;
    expect(rect.x).toBeGreaterThan(72);
    expect(rect.x).toBeLessThan(100);
    expect(rect.y).toBeGreaterThan(190);
    expect(rect.y + rect.h).toBeLessThan(285);
    const within = await searchWithinFile({ search, actor: OPERATOR, fileId, q: 'telephone' });
    expect(within.matches.map((m) => m.page)).toEqual([1]);
  });
});
