import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../../../test/fixtures/pdf/make-pdf.ts';
import { ingestFiles } from '../../../test/ingest-files.ts';
import { scannedPdf } from '../../../test/scanned-pdf.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { SearchQuery } from '../../domain/schemas/search.ts';
import { searchEntities } from '../../operations/search-entities.ts';
import { searchWithinFile } from '../../operations/search-within-file.ts';
import { createSearchPool, type SearchPool } from '../../store/sqlite/search/worker-pool.ts';

/**
 * Scans (pictures of known text, no text layer) go through the real runner: extraction ends `needs-ocr`,
 * which queues an OCR job in the same transaction; the job reads the pages with tesseract and writes the
 * text through the same path as extracted text, so the file is ready and its words are found by search,
 * at the page they are printed on. Latin and Chinese script; the Chinese document's language is not given
 * (its entity says English, the default), so it is detected.
 */
const PAGE_1 = `<h1>Annual report on cyber resilience</h1>
<p>The national computer emergency response team handled many incidents this year. Operators of essential
services reported ransomware attacks within seventy-two hours, as the law requires.</p>
<p>The government also published guidance on the security of industrial control systems.</p>`;
const PAGE_2 = `<h2>International cooperation</h2>
<p>Delegations met in Geneva to discuss confidence-building measures between states. The ministry proposed
a points-of-contact directory for incidents affecting critical infrastructure across borders.</p>
<p>Further meetings on capacity building are planned for next spring.</p>`;
const CHINESE = `<h1>国家网络安全战略</h1>
<p>政府将保护关键信息基础设施免受勒索软件攻击，并加强网络空间国际合作。各有关部门应当建立健全网络安全监测预警和信息通报制度，及时收集、分析和通报网络安全风险信息。</p>
<p>各方应当遵守联合国关于负责任国家行为的规范，促进和平、安全、开放、合作的网络空间。</p>`;

let t: TempStore;
let search: SearchPool;
let latin: string;
let chinese: string;
let mixed: string;

/** A text PDF with a scanned page inserted as its page 2 (a signed annex, a faxed letter). */
async function mixedPdf(): Promise<Uint8Array> {
  const text = await makePdf({
    blocks: [
      { text: 'Report on the national exercise', kind: 'heading' },
      {
        text: 'The exercise tested how ministries share information during a crisis affecting energy supply.',
      },
    ],
  });
  const doc = await PDFDocument.load(text.bytes);
  const scan = await PDFDocument.load(
    await scannedPdf([
      '<p>Annex. The regulator confirms that the grid operator notified the incident within four hours and that backup telephone lines worked throughout.</p>',
    ]),
  );
  const [page] = await doc.copyPages(scan, [0]);
  doc.addPage(page!);
  return doc.save();
}

beforeAll(async () => {
  t = await createTempStore();
  const latinPath = join(t.dataDir, 'report-scan.pdf');
  const chinesePath = join(t.dataDir, 'strategy-scan.pdf');
  writeFileSync(latinPath, await scannedPdf([PAGE_1, PAGE_2], { skewDeg: 0.5 }));
  writeFileSync(chinesePath, await scannedPdf([CHINESE]));
  const mixedPath = join(t.dataDir, 'exercise-with-annex.pdf');
  writeFileSync(mixedPath, await mixedPdf());
  const outcomes = await ingestFiles(t, [latinPath, chinesePath, mixedPath]);
  latin = outcomes[0]!.fileId!;
  chinese = outcomes[1]!.fileId!;
  mixed = outcomes[2]!.fileId!;
  search = createSearchPool({ dbPath: t.store.sqlite.path, sqlite: t.store.sqlite.sqlite, workers: 0 });
}, 180_000);
afterAll(async () => {
  await search?.close();
  await t?.cleanup();
});

const OPERATOR = { id: null, username: 'operator', role: 'admin' } as const;

describe('OCR of scanned PDFs', () => {
  it('makes a scan ready with its text, language and an OCR note, through an OCR job', async () => {
    const file = await t.store.files.findById(latin);
    expect(file?.status).toBe('ready');
    expect(file?.reason).toMatch(/^Text recognised by OCR \(tesseract, language eng\)/);
    expect(file?.language).toBe('en');
    expect(file?.pageCount).toBe(2);
    const jobs = await t.store.jobs.list({ kinds: ['ocr-file'] });
    expect(jobs.filter((j) => j.payload.fileId === latin).map((j) => j.status)).toEqual(['done']);
  });

  it('builds headings, paragraphs and line geometry like a text PDF', async () => {
    const paragraphs = await t.store.pages.listParagraphs(latin);
    const headings = paragraphs.filter((p) => p.isHeading).map((p) => p.text);
    expect(headings).toEqual(['Annual report on cyber resilience', 'International cooperation']);
    const body = paragraphs.find((p) => p.text.startsWith('The national computer emergency'));
    expect(body?.text).toMatch(/within seventy-?two hours, as the law requires\.$/);
    expect(body?.page).toBe(1);
    // Rectangles in PDF points on an A4 page, the text's left margin (80 CSS px = 60 pt) included.
    const rect = body!.rects[0]!;
    expect(rect.x).toBeGreaterThan(50);
    expect(rect.x).toBeLessThan(70);
    expect(rect.x + rect.w).toBeLessThan(595);
    const pages = await t.store.pages.listPages(latin, 1, 2);
    expect(pages[1]!.lines.length).toBeGreaterThan(3);
    expect(pages[1]!.text).toContain('Geneva');
  });

  it('finds the words by search, in the document and at the right page', async () => {
    const hits = await searchEntities({
      search,
      actor: OPERATOR,
      query: SearchQuery.parse({ q: 'Geneva confidence-building' }),
    });
    expect(hits.items.map((i) => i.entity.title)).toEqual(['report-scan.pdf']);
    const within = await searchWithinFile({ search, actor: OPERATOR, fileId: latin, q: 'ransomware' });
    expect(within.matches.map((m) => m.page)).toEqual([1]);
    const page2 = await searchWithinFile({ search, actor: OPERATOR, fileId: latin, q: 'directory' });
    expect(page2.matches.map((m) => m.page)).toEqual([2]);
  });

  it('reads Chinese when the document does not say its language (detected)', async () => {
    const file = await t.store.files.findById(chinese);
    expect(file?.status).toBe('ready');
    expect(file?.reason).toMatch(/language chi_sim/);
    expect(file?.language).toBe('zh');
    const within = await searchWithinFile({ search, actor: OPERATOR, fileId: chinese, q: '勒索软件' });
    expect(within.matches.map((m) => m.page)).toEqual([1]);
    const paragraphs = await t.store.pages.listParagraphs(chinese);
    expect(paragraphs[0]).toMatchObject({ text: '国家网络安全战略', isHeading: true });
  });

  it('reads the picture pages of a text PDF and keeps the text of the others', async () => {
    const file = await t.store.files.findById(mixed);
    expect(file?.status).toBe('ready');
    expect(file?.reason).toMatch(/^Text recognised by OCR \(tesseract, language eng\) on page 2;/);
    const paragraphs = await t.store.pages.listParagraphs(mixed);
    expect(paragraphs.map((p) => [p.page, p.text.slice(0, 30)])).toEqual([
      [1, 'Report on the national exercis'],
      [1, 'The exercise tested how minist'],
      [2, 'Annex. The regulator confirms '],
    ]);
    const within = await searchWithinFile({ search, actor: OPERATOR, fileId: mixed, q: 'telephone' });
    expect(within.matches.map((m) => m.page)).toEqual([2]);
  });
});
