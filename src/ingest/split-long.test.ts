/** Over-long paragraphs are cut at ingestion, for every kind of file, with offsets, pages and lines exact. */
import { describe, expect, it } from 'vitest';
import { makeDocx } from '../../test/fixtures/pdf/make-docx.ts';
import { filler, makePdf } from '../../test/fixtures/pdf/make-pdf.ts';
import { Page, Paragraph } from '../domain/schemas/file.ts';
import { type Extraction, extractDocument, stableParagraphKeys } from './extract-document.ts';
import { MAX_PARAGRAPH_CHARS, splitText } from './split-long.ts';

const ID = 'file0001';
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** Every paragraph within the bound; offsets, pages and lines slice exactly; the schemas accept it. */
function expectBounded(ex: Extraction): void {
  expect(ex.status).toBe('ready');
  for (const page of ex.pages) Page.parse({ ...page, fileId: ID });
  for (const p of ex.paragraphs) Paragraph.parse({ ...p, id: ID, fileId: ID });
  for (const p of ex.paragraphs) {
    expect(p.text.length).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS);
    expect(ex.fullText.slice(p.start, p.end)).toBe(p.text);
  }
  for (const page of ex.pages) {
    expect(ex.fullText.slice(page.start, page.end)).toBe(page.text);
    for (const line of page.lines) {
      const owner = ex.paragraphs.find((p) => p.start <= line.start && line.end <= p.end);
      expect(owner, `line ${line.start}-${line.end} inside one paragraph`).toBeDefined();
      expect(owner!.rects).toContainEqual(line.rect);
    }
  }
  expect(ex.paragraphs.map((p) => p.ordinal)).toEqual(ex.paragraphs.map((_, i) => i));
}

const sentences = (n: number) => Array.from({ length: n }, (_, i) => filler(i, 1)).join(' ');

describe('over-long paragraphs are split at ingestion', () => {
  it('cuts a 1.5 MB one-paragraph text file at sentence ends, losing no word', async () => {
    let text = sentences(200);
    while (text.length < 1.5 * 1024 * 1024) text = `${text} ${text}`;
    const ex = await extractDocument({ bytes: utf8(text), filename: 'one.txt' });
    expectBounded(ex);
    expect(ex.paragraphs.length).toBeGreaterThan((1.5 * 1024 * 1024) / MAX_PARAGRAPH_CHARS);
    // Every piece but the last ends a sentence (filler sentences are short, there is always one).
    for (const p of ex.paragraphs.slice(0, -1)) expect(p.text).toMatch(/[.!?]$/);
    expect(ex.paragraphs.map((p) => p.text).join(' ')).toBe(words(text).join(' '));
    // Logical pages break between the pieces, so no page is megabytes long either.
    for (const page of ex.pages) expect(page.text.length).toBeLessThan(2 * MAX_PARAGRAPH_CHARS);
  });

  it('cuts a text of single lines (no blank line) at line ends', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `line ${i} of a long table without a full stop`);
    const ex = await extractDocument({ bytes: utf8(lines.join('\n')), filename: 'lines.txt' });
    expectBounded(ex);
    for (const p of ex.paragraphs) expect(p.text).toMatch(/^line \d+ .* full stop$/);
    expect(ex.paragraphs.map((p) => p.text).join(' ')).toBe(lines.join(' '));
  });

  it('cuts between words, then anywhere, never inside a surrogate pair', () => {
    const noSentence = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' ');
    const byWords = splitText(noSentence);
    expect(byWords.join(' ')).toBe(noSentence);
    for (const p of byWords) expect(p).toMatch(/^word\d+( word\d+)*$/);
    const emoji = '😀'.repeat(5000); // 10,000 code units, no space at all
    const hard = splitText(emoji);
    expect(hard.join('')).toBe(emoji);
    for (const p of hard) {
      expect(p.length).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS);
      expect(p).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
    }
    const cjk = '各国应当合作维护信息通信技术安全。'.repeat(400);
    const cut = splitText(cjk);
    expect(cut.join('')).toBe(cjk);
    for (const p of cut) expect(p.endsWith('。')).toBe(true);
  });

  it('splits one huge HTML paragraph and one huge Word paragraph', async () => {
    const body = sentences(1500);
    const html = await extractDocument({ bytes: utf8(`<html><body><p>${body}</p></body></html>`) });
    expectBounded(html);
    expect(html.paragraphs.length).toBeGreaterThan(body.length / MAX_PARAGRAPH_CHARS);
    const docx = await extractDocument({ bytes: makeDocx([{ text: body }]) });
    expectBounded(docx);
    expect(docx.kind).toBe('docx');
    expect(docx.paragraphs.map((p) => p.text).join(' ')).toBe(html.paragraphs.map((p) => p.text).join(' '));
  });

  it('splits a PDF paragraph running over pages between its lines, with rectangles and pages per piece', async () => {
    const made = await makePdf({ blocks: [{ text: sentences(400) }], paragraphStyle: 'flush' });
    expect(made.pageCount).toBeGreaterThan(3);
    const ex = await extractDocument({ bytes: made.bytes });
    expectBounded(ex);
    expect(ex.paragraphs.length).toBeGreaterThan(3);
    for (const p of ex.paragraphs) {
      expect(p.rects.length).toBeGreaterThan(0);
      expect(p.page).toBe(p.rects[0]!.page);
      expect(p.pageEnd).toBe(p.rects[p.rects.length - 1]!.page);
    }
    // Each piece ends a sentence where the line did (pdf-lib wraps mid-sentence, so not always).
    expect(ex.paragraphs.filter((p) => /[.!?]$/.test(p.text)).length).toBeGreaterThan(
      ex.paragraphs.length / 2,
    );
  });

  it('cuts the same way every time, so the pieces keep their keys (and ids) on a re-extraction', async () => {
    const text = `Short first paragraph.\n\n${sentences(900)}`;
    const a = await extractDocument({ bytes: utf8(text) });
    const b = await extractDocument({ bytes: utf8(text) });
    expect(a.paragraphs.length).toBeGreaterThan(3);
    expect(stableParagraphKeys(b.paragraphs.map((p) => p.text))).toEqual(
      stableParagraphKeys(a.paragraphs.map((p) => p.text)),
    );
    expect(a.paragraphs[0]!.text).toBe('Short first paragraph.');
  });
});
