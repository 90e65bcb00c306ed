/** Golden tests for the PDF heuristics, one per heuristic, on PDFs generated here (test/fixtures/pdf). */
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { filler, type MadePdf, makePdf, type PdfSpec } from '../../../test/fixtures/pdf/make-pdf.ts';
import { type Extraction, extractDocument } from '../extract-document.ts';
import { joinFor } from './paragraphs.ts';
import { isPageNumber } from './running.ts';

async function run(spec: PdfSpec): Promise<{ made: MadePdf; ex: Extraction }> {
  const made = await makePdf(spec);
  const ex = await extractDocument({ bytes: made.bytes, filename: 'test.pdf' });
  return { made, ex };
}

function expectIntegrity(ex: Extraction): void {
  ex.paragraphs.forEach((p, i) => {
    expect(p.ordinal).toBe(i);
    expect(ex.fullText.slice(p.start, p.end)).toBe(p.text);
    expect(p.rects.length).toBeGreaterThan(0);
  });
  for (const page of ex.pages) {
    expect(ex.fullText.slice(page.start, page.end)).toBe(page.text);
    for (const line of page.lines) {
      expect(line.start).toBeGreaterThanOrEqual(page.start);
      expect(line.end).toBeLessThanOrEqual(page.end);
      expect(line.rect.page).toBe(page.number);
    }
  }
}

function expectExact(made: MadePdf, ex: Extraction): void {
  expect(ex.status).toBe('ready');
  expect(ex.paragraphs.map((p) => p.text)).toEqual(made.truth.map((t) => t.text));
  expectIntegrity(ex);
}

const body = (n: number, seed = 1) =>
  Array.from({ length: n }, (_, i) => ({ text: filler(seed * 100 + i, 3 + (i % 4)) }));

describe('PDF words and lines', () => {
  it.each(['line', 'word', 'letter'] as const)('joins text written one run per %s by x-gap', async (runs) => {
    const { made, ex } = await run({ runs, blocks: body(8) });
    expectExact(made, ex);
    expect(ex.fullText).not.toMatch(/ {2}|\b[a-z] [a-z] [a-z]\b/);
  });

  it('measures rectangles from the top of the page, in PDF points', async () => {
    const { ex } = await run({ blocks: [{ text: 'Top heading', kind: 'heading' }, ...body(2)] });
    const page = ex.pages[0]!;
    expect(page.width).toBeCloseTo(595.28, 1);
    expect(page.height).toBeCloseTo(841.89, 1);
    const rect = ex.paragraphs[0]!.rects[0]!;
    expect(rect.y).toBeGreaterThan(60);
    expect(rect.y).toBeLessThan(110);
    expect(rect.x).toBeCloseTo(60, 0);
    expect(rect.h).toBeGreaterThan(10);
  });
});

describe('rotated pages', () => {
  it('reads a /Rotate 90 page as lines and turns the rectangles with the page', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    page.setRotation(degrees(90));
    page.drawText('First line of a rotated page with text', { x: 60, y: 760, size: 12, font });
    page.drawText('second line of the same paragraph here.', { x: 60, y: 745, size: 12, font });
    const ex = await extractDocument({ bytes: await doc.save() });
    expect(ex.paragraphs.map((p) => p.text)).toEqual([
      'First line of a rotated page with text second line of the same paragraph here.',
    ]);
    expect([ex.pages[0]!.width, ex.pages[0]!.height]).toEqual([842, 595]);
    const [r1, r2] = ex.paragraphs[0]!.rects;
    // Turned clockwise: the text now runs down the page, the first line to the right of the second.
    expect(r1!.h).toBeGreaterThan(r1!.w);
    expect(r1!.y).toBeCloseTo(60, 0);
    expect(r1!.x).toBeGreaterThan(r2!.x);
    expectIntegrity(ex);
  });
});

describe('running headers, footers and page numbers', () => {
  it.each(['n / N', 'Page n of N', 'n', '- n -'] as const)(
    'drops a header and "%s" footers',
    async (footer) => {
      const { made, ex } = await run({
        header: 'National Cyber Security Strategy 2024',
        footer,
        blocks: body(40),
      });
      expect(made.pageCount).toBeGreaterThan(2);
      expectExact(made, ex);
      expect(ex.fullText).not.toContain('National Cyber Security Strategy 2024');
      for (const p of ex.paragraphs) expect(isPageNumber(p.text)).toBe(false);
    },
  );

  it('drops headers that change with the chapter but carry the page number', async () => {
    const header = (p: number) =>
      `Chapter ${Math.ceil(p / 3)}: ${['Scope', 'Threats', 'Norms', 'Law'][Math.floor((p - 1) / 3) % 4]} ${p + 4}`;
    const { made, ex } = await run({ header, blocks: body(60, 11) });
    expect(made.pageCount).toBeGreaterThan(6);
    expectExact(made, ex);
  });

  it('drops a page number whose ascent reaches above the bottom margin (LaTeX sets it 30 pt under the text)', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.TimesRoman);
    const page = doc.addPage([595.28, 841.89]);
    const text = filler(68, 12);
    page.drawText(text, { x: 72, y: 720, size: 10, font, maxWidth: 451, lineHeight: 12 });
    // Baseline 95 pt above the foot: in the bottom 12 % of the page, its top (baseline minus ascent) is not.
    page.drawText('1', { x: 295, y: 95, size: 10, font });
    const ex = await extractDocument({
      bytes: await doc.save({ useObjectStreams: false }),
      filename: 'x.pdf',
    });
    expect(ex.paragraphs.map((p) => p.text)).toEqual([text]);
    expectIntegrity(ex);
  });

  it('recognises page-number patterns', () => {
    for (const t of ['2', '2 / 10', 'Page 2 of 10', '- 2 -', 'iv', 'p. 7'])
      expect(isPageNumber(t)).toBe(true);
    for (const t of ['12. Cooperation', 'Article 4', '2019 strategy']) expect(isPageNumber(t)).toBe(false);
  });
});

describe('columns', () => {
  it('reads a two-column page column by column', async () => {
    const { made, ex } = await run({
      columns: 2,
      header: 'Report',
      footer: 'n / N',
      blocks: [{ text: 'Two columns', kind: 'title' }, ...body(24, 3)],
    });
    expect(made.pageCount).toBeGreaterThan(1);
    expectExact(made, ex);
  });

  it('reads two columns whose text is split per letter', async () => {
    const { made, ex } = await run({
      columns: 2,
      runs: 'letter',
      paragraphStyle: 'indented',
      blocks: body(16, 4),
    });
    expectExact(made, ex);
  });
});

describe('hyphenation', () => {
  it('joins words hyphenated across line ends', async () => {
    const long = 'telecommunications interoperability responsibilities confidentiality accountability';
    const blocks = Array.from({ length: 6 }, (_, i) => ({
      text: `${filler(i, 2)} ${long} ${filler(i + 50, 2)}`,
    }));
    const { made, ex } = await run({ hyphenate: true, blocks });
    expect(made.hyphenations).toBeGreaterThan(3);
    expectExact(made, ex);
  });

  it('keeps real compounds and drops line-break hyphens (the rule)', () => {
    expect(joinFor('regional coopera-', 'tion is key')).toBe('drop-hyphen');
    expect(joinFor('the Franco-', 'German treaty')).toBe('keep-hyphen');
    expect(joinFor('the right of self-', 'defence')).toBe('keep-hyphen');
    expect(joinFor('state-of-', 'the-art tools')).toBe('keep-hyphen');
    expect(joinFor('e-', 'government')).toBe('keep-hyphen');
    expect(joinFor('COVID-', '19 pandemic')).toBe('keep-hyphen');
    expect(joinFor('in 2019-', '2020')).toBe('keep-hyphen');
    expect(joinFor('a sentence', 'goes on')).toBe('space');
    expect(joinFor('网络空间', '国际合作')).toBe('none');
  });
});

describe('paragraph starts', () => {
  it('starts numbered paragraphs and list items on their own, even without spacing', async () => {
    const items = [
      `12. ${filler(1, 3)}`,
      `13. ${filler(2, 2)}`,
      `(a) ${filler(3, 2)}`,
      `(b) ${filler(4, 2)}`,
      `• ${filler(5, 2)}`,
      `– ${filler(6, 2)}`,
      `Article 4. ${filler(7, 2)}`,
    ];
    const { made, ex } = await run({ paragraphStyle: 'flush', blocks: items.map((text) => ({ text })) });
    expectExact(made, ex);
  });

  it('splits paragraphs at a first-line indent', async () => {
    const { made, ex } = await run({ paragraphStyle: 'indented', runs: 'word', blocks: body(12, 5) });
    expectExact(made, ex);
  });
});

describe('headings', () => {
  it('tags headings by size, by bold font and by short numbered lines', async () => {
    const { made, ex } = await run({
      blocks: [
        { text: 'National Cyber Strategy', kind: 'title' },
        { text: 'Introduction', kind: 'heading' },
        ...body(2, 6),
        { text: 'Scope and definitions', kind: 'subheading' },
        ...body(2, 7),
        { text: '2. Strategic objectives' },
        ...body(2, 8),
      ],
    });
    expectExact(made, ex);
    const headings = ex.paragraphs.filter((p) => p.isHeading).map((p) => p.text);
    expect(headings).toEqual([
      'National Cyber Strategy',
      'Introduction',
      'Scope and definitions',
      '2. Strategic objectives',
    ]);
  });
});

describe('page breaks', () => {
  it('keeps a paragraph that crosses a page break as one paragraph', async () => {
    const { made, ex } = await run({ header: 'Header', footer: 'n / N', blocks: body(30, 9) });
    const crossing = made.truth.filter((t) => t.pageEnd > t.page);
    expect(crossing.length).toBeGreaterThan(0);
    expectExact(made, ex);
    for (const t of crossing) {
      const p = ex.paragraphs.find((q) => q.text === t.text)!;
      expect([p.page, p.pageEnd]).toEqual([t.page, t.pageEnd]);
      expect(new Set(p.rects.map((r) => r.page))).toEqual(new Set([t.page, t.pageEnd]));
    }
  });

  it('starts a new paragraph at a page break after a finished sentence or before an indent', async () => {
    const { made, ex } = await run({ paragraphStyle: 'indented', footer: 'n', blocks: body(40, 10) });
    expectExact(made, ex);
  });
});
