/**
 * Extraction speed-ups must not change what is extracted: each real PDF of test/real-pdfs.ts gives the same
 * status, reason, language, OCR pages, paragraphs, pages (line offsets and rectangles), TOC and full text, and
 * the OCR job's picture areas (readPdfLines), byte for byte, as recorded in test/fixtures/pdf/real-pdfs-golden.json
 * from the code before the speed-ups (commit 7b4d029). A deliberate change to extraction re-records it:
 *   GOLDEN_UPDATE=1 npx vitest run src/ingest/pdf/real-pdfs-golden.test.ts
 * By default a sample of the set is checked (the whole set takes minutes on a loaded machine): GOLDEN_ALL=1
 * checks every file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realPdfs } from '../../../test/real-pdfs.ts';
import { extractDocument } from '../extract-document.ts';
import { readPdfLines } from './extract-pdf.ts';

const GOLDEN = 'test/fixtures/pdf/real-pdfs-golden.json';
const files = realPdfs();
const update = process.env.GOLDEN_UPDATE === '1';
const all = update || process.env.GOLDEN_ALL === '1';
/** Picked to cover fonts (bold headings), tags, outlines, pictures beside text, RTL/CJK and rotated pages. */
const SAMPLE = new Set([
  '1610018045902hp096ideo3i.pdf',
  '16116590902796ifv9bxjnvk.pdf',
  '1696528655857yah2eb3ubuc.pdf',
  'tracemonkey.pdf',
  'prefilled_f1040.pdf',
  'alphatrans.pdf',
  'issue12963.pdf',
  'ArabicCIDTrueType.pdf',
  'rotation.pdf',
  'nested_outline.pdf',
  'issue6127.pdf',
  'file_pdfjs_test.pdf',
]);

const hash = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('base64url').slice(0, 32);

/** Everything the ingest worker writes and the OCR job reads, reduced to hashes (the JSON stays small). */
async function fingerprint(path: string) {
  const bytes = new Uint8Array(readFileSync(path));
  const x = await extractDocument({ bytes });
  const raw = await readPdfLines(bytes);
  return {
    status: x.status,
    reason: x.reason,
    language: x.language,
    ocrPages: x.ocrPages ?? null,
    pages: x.pages.length,
    paragraphs: x.paragraphs.length,
    hashes: {
      paragraphs: hash(x.paragraphs),
      pages: hash(x.pages),
      toc: hash(x.toc),
      fullText: hash(x.fullText),
      pictureAreas: hash(raw?.map((p) => [p.number, p.areas ?? null]) ?? null),
      // The lines as the OCR job reads them; the item boundaries and rule marks they carry for the cell step
      // (lines.ts `pieces`, `ruled`) are layout working data, checked through the paragraphs.
      ocrLines: hash(
        raw?.map((p) => [p.number, p.failed, p.lines.map(({ pieces: _p, ruled: _r, ...l }) => l)]) ?? null,
      ),
    },
  };
}

type Golden = Record<string, Awaited<ReturnType<typeof fingerprint>>>;
const golden: Golden = existsSync(GOLDEN) ? (JSON.parse(readFileSync(GOLDEN, 'utf8')) as Golden) : {};
const checked = files.filter((f) => all || SAMPLE.has(f.name));

describe.skipIf(files.length === 0)('real PDFs extract as recorded (golden)', () => {
  it.each(checked.map((f) => [f.name, f.path]))('%s', { timeout: 300_000 }, async (name, path) => {
    const got = await fingerprint(path);
    if (update) golden[name] = got;
    else expect(got).toEqual(golden[name]);
  });
  it.runIf(update)('writes the golden file', () => {
    writeFileSync(GOLDEN, `${JSON.stringify(golden, null, 1)}\n`);
  });
});
