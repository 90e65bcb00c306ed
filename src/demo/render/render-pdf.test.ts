import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleConnections, sampleDocuments } from '../documents/index.ts';
import type { SampleDocument } from '../documents/types.ts';
import { normalizeText, toWinAnsi } from './fonts.ts';
import { breakLines, hyphenate } from './layout.ts';
import {
  type RenderResult,
  renderDocumentPdf,
  renderTextPdf,
  splitPlainText,
  type TextLayout,
} from './render-pdf.ts';
import { scriptOf } from './unicode-fonts.ts';

const PDFTOTEXT = '/usr/bin/pdftotext';
const hasPdftotext = existsSync(PDFTOTEXT);
if (!hasPdftotext)
  console.warn(`[render-pdf.test] ${PDFTOTEXT} not found: text-extraction checks are skipped.`);

let dir = '';
const rendered = new Map<string, { doc: SampleDocument; result: RenderResult; file: string }>();

// The samples in the standard fonts' languages; the Arabic, Chinese and Russian ones (Noto fonts, right to
// left, breaks between characters) are checked through the ingest in render-unicode.test.ts.
const winAnsiSamples = sampleDocuments.filter((d) => !scriptOf(d.language));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'render-pdf-'));
  for (const doc of winAnsiSamples) {
    const result = await renderDocumentPdf(doc);
    const file = join(dir, `${doc.key}.pdf`);
    writeFileSync(file, result.pdf);
    rendered.set(doc.key, { doc, result, file });
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** pdftotext in content-stream order, with running headers and footers removed and hyphenation joined. */
function extracted(file: string, headerLeft: string): string {
  const raw = execFileSync(PDFTOTEXT, ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return raw
    .split('\f')
    .flatMap((page, i) =>
      page
        .split('\n')
        .filter((line) => !/^\d+ \/ \d+$/.test(line.trim()) && (i === 0 || !line.startsWith(headerLeft))),
    )
    .join('\n')
    .replace(/([a-zà-ÿ])-\n/g, '$1')
    .replace(/\s+/g, ' ');
}

describe('renderDocumentPdf', () => {
  it('renders every sample to a PDF of at least three A4 pages', async () => {
    expect(rendered.size).toBe(winAnsiSamples.length);
    for (const { doc, result } of rendered.values()) {
      const pdf = await PDFDocument.load(result.pdf);
      expect(pdf.getPageCount(), doc.key).toBeGreaterThanOrEqual(3);
      expect(pdf.getPageCount(), doc.key).toBeLessThanOrEqual(12);
      expect(Math.round(pdf.getPage(0).getWidth())).toBe(595);
      const last = Math.max(...result.truth.paragraphs.map((t) => t.pageEnd));
      expect(last, doc.key).toBe(pdf.getPageCount());
    }
  });

  it('gives one truth paragraph per block, in order, with the text the block normalizes to', () => {
    for (const { doc, result } of rendered.values()) {
      const body = result.truth.paragraphs.filter((t) => t.block >= 0);
      expect(body.map((t) => t.block)).toEqual(doc.blocks.map((_, i) => i));
      body.forEach((t) => {
        const block = doc.blocks[t.block]!;
        const text = normalizeText(block.text);
        expect(t.text).toBe(block.kind === 'list-item' ? `• ${text}` : text);
        expect(t.isHeading).toBe(block.kind === 'heading');
        expect(t.pageEnd).toBeGreaterThanOrEqual(t.page);
        expect(t.text).not.toMatch(/\s{2}/);
      });
    }
  });

  it('keeps running headers and page numbers out of the truth', () => {
    for (const { doc, result } of rendered.values()) {
      const header = normalizeText(doc.shortTitle ?? doc.title);
      const issuer = normalizeText(doc.issuerName);
      for (const t of result.truth.paragraphs) {
        expect(t.text).not.toMatch(/\b\d+ \/ \d+\b/);
        expect(t.text.includes(`${header} ${issuer}`), `${doc.key}: ${t.text}`).toBe(false);
        expect(t.text.includes(`${issuer} ${header}`), `${doc.key}: ${t.text}`).toBe(false);
        if (t.block >= 0) expect(t.text === header || t.text === issuer, `${doc.key}: ${t.text}`).toBe(false);
      }
    }
  });

  it('has in every sample a paragraph that crosses a page break (it must stay one paragraph)', () => {
    for (const { doc, result } of rendered.values()) {
      const crossing = result.truth.paragraphs.filter((t) => t.pageEnd > t.page);
      expect(crossing.length, `${doc.key}: lengthen the paragraph that ends a page`).toBeGreaterThan(0);
    }
  });

  it.skipIf(!hasPdftotext)(
    'prints an "n / N" footer on every page and a running header after page one',
    () => {
      for (const { doc, result, file } of rendered.values()) {
        const pages = Math.max(...result.truth.paragraphs.map((t) => t.pageEnd));
        const raw = execFileSync(PDFTOTEXT, ['-raw', file, '-'], { encoding: 'utf8' });
        const header = normalizeText(doc.shortTitle ?? doc.title);
        const perPage = raw.split('\f');
        for (let n = 1; n <= pages; n++) {
          expect(perPage[n - 1], `${doc.key} page ${n}`).toMatch(new RegExp(`^${n} / ${pages}$`, 'm'));
          if (n > 1) expect(perPage[n - 1]!.includes(header), `${doc.key} header on page ${n}`).toBe(true);
        }
      }
    },
  );

  it.skipIf(!hasPdftotext)("finds each truth paragraph's first 40 characters in pdftotext's output", () => {
    for (const { doc, file } of rendered.values()) {
      const text = extracted(file, normalizeText(doc.shortTitle ?? doc.title));
      for (const t of rendered.get(doc.key)!.result.truth.paragraphs) {
        expect(
          text.includes(t.text.slice(0, 40)),
          `${doc.key} block ${t.block}: ${t.text.slice(0, 40)}`,
        ).toBe(true);
      }
    }
  });

  it.skipIf(!hasPdftotext)('lays the two-column document out in two x columns', () => {
    const twoColumn = sampleDocuments.filter((d) => d.layout === 'two-column');
    expect(twoColumn).toHaveLength(1);
    const { file } = rendered.get(twoColumn[0]!.key)!;
    const html = execFileSync(PDFTOTEXT, ['-bbox', '-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' });
    const words = [...html.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g)]
      .map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]) }))
      .filter((w) => w.y0 > 80 && w.y1 < 780);
    const middle = 595.28 / 2;
    const left = words.filter((w) => w.x1 < middle);
    const right = words.filter((w) => w.x0 > middle);
    expect(left.length).toBeGreaterThan(150);
    expect(right.length).toBeGreaterThan(150);
    expect(words.filter((w) => w.x0 < middle && w.x1 > middle)).toHaveLength(0);
  });
});

describe('sample connections', () => {
  it('has at least 60 pairs pointing at existing, non-heading blocks of other documents', () => {
    expect(sampleConnections.length).toBeGreaterThanOrEqual(60);
    const byKey = new Map(sampleDocuments.map((d) => [d.key, d]));
    for (const c of sampleConnections) {
      const source = byKey.get(c.source.doc);
      const target = byKey.get(c.target.doc);
      expect(source, c.source.doc).toBeDefined();
      expect(target, c.target.doc).toBeDefined();
      expect(c.source.doc).not.toBe(c.target.doc);
      expect(source!.blocks[c.source.block]?.kind).not.toBe('heading');
      expect(target!.blocks[c.target.block]?.kind).not.toBe('heading');
    }
    const keys = sampleConnections.map((c) => JSON.stringify([c.source, c.target]));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('layout helpers', () => {
  const measure = (s: string) => s.length * 5;
  it('hyphenates only plain lowercase words, never at an existing hyphen', () => {
    expect(hyphenate('infrastructure,', 60, measure)).toEqual({ head: 'infrastruc', tail: 'ture,' });
    expect(hyphenate('capacity-building', 200, measure)).toBeUndefined();
    expect(hyphenate('KE-CIRT/CC', 200, measure)).toBeUndefined();
  });
  it('breaks lines at spaces and rejoins to the same text', () => {
    const text = 'The national response chain coordinates operators of critical infrastructure everywhere.';
    const lines = breakLines(text, 150, measure);
    expect(lines.length).toBeGreaterThan(2);
    const joined = lines
      .map((l) => l.join(' '))
      .join(' ')
      .replace(/([a-z])- /g, '$1');
    expect(joined).toBe(text);
  });
  it('maps characters outside WinAnsi to safe equivalents', () => {
    expect(toWinAnsi('a → b ≥ c ㆍd\u00a0e — “f” é œ')).toBe('a -> b >= c ·d e — “f” é œ');
  });
  it('splits run-on text into groups of three to five sentences', () => {
    const text = Array.from(
      { length: 12 },
      (_, i) =>
        `Sentence number ${i + 1} is long enough that twelve of them together form one single run-on block of plain text.`,
    ).join(' ');
    expect(splitPlainText(text).map((p) => p.match(/\./g)!.length)).toEqual([3, 4, 5]);
    expect(splitPlainText('One.\n\nTwo.\n \nThree.')).toEqual(['One.', 'Two.', 'Three.']);
    expect(splitPlainText(`${text}\n\nPage footer junk`).length).toBe(4);
  });
});

describe('renderTextPdf', () => {
  const sentence = (i: number) =>
    `Delegation ${i} stressed that confidence-building measures and capacity-building programmes reduce misunderstanding between States and strengthen cooperation in cyberspace.`;
  const runOn = Array.from({ length: 60 }, (_, i) => sentence(i + 1)).join(' ');
  for (const layout of ['single', 'two-column', 'letter-landscape', 'numbered'] as TextLayout[]) {
    it(`renders plain text in the ${layout} layout with truth matching the drawn text`, async () => {
      const result = await renderTextPdf(runOn, { layout, title: `Seed excerpt (${layout})` });
      const pdf = await PDFDocument.load(result.pdf);
      const body = result.truth.paragraphs.filter((t) => t.block >= 0);
      expect(body.length).toBe(splitPlainText(runOn).length);
      if (layout === 'numbered') expect(body[1]!.text.startsWith('2. Delegation')).toBe(true);
      if (layout === 'letter-landscape') expect(Math.round(pdf.getPage(0).getWidth())).toBe(792);
      expect(Math.max(...body.map((t) => t.pageEnd))).toBe(pdf.getPageCount());
      if (!hasPdftotext) return;
      const file = join(dir, `text-${layout}.pdf`);
      writeFileSync(file, result.pdf);
      const text = extracted(file, `Seed excerpt (${layout})`);
      for (const t of body) expect(text.includes(t.text.slice(0, 40)), t.text.slice(0, 40)).toBe(true);
    });
  }
});
