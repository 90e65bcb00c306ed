/**
 * Tagged PDFs read by their structure tree: golden Chromium-printed PDFs (test/fixtures/pdf/tagged, printed
 * by bench/segmentation/print-html.ts --golden, expected paragraphs from the HTML they were printed from),
 * hand-written trees for reading order and headings only the tags know, and broken or partial trees that
 * must leave the file to the geometric pipeline.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type TaggedLine, taggedPdf } from '../../../test/fixtures/pdf/tagged-pdf.ts';
import { type Extraction, extractDocument } from '../extract-document.ts';
import type { ExtractorResult } from '../types.ts';
import { extractPdf, type RawPage, readTags } from './extract-pdf.ts';
import type { PdfLine } from './lines.ts';
import type { TaggedPage } from './struct-tree.ts';
import type { TagVerdict } from './struct-tree-drafts.ts';

const GOLDEN = new URL('../../../test/fixtures/pdf/tagged/', import.meta.url);
const golden = (name: string) => ({
  pdf: new Uint8Array(readFileSync(new URL(`${name}.pdf`, GOLDEN))),
  expected: JSON.parse(readFileSync(new URL(`${name}.json`, GOLDEN), 'utf8')) as {
    paragraphs: Array<{ text: string; isHeading: boolean }>;
  },
});
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function expectIntegrity(ex: Pick<Extraction, 'fullText' | 'pages' | 'paragraphs'>): void {
  ex.paragraphs.forEach((p, i) => {
    expect(p.ordinal).toBe(i);
    expect(ex.fullText.slice(p.start, p.end)).toBe(p.text);
    expect(p.rects.length).toBeGreaterThan(0);
  });
  for (const page of ex.pages) {
    expect(ex.fullText.slice(page.start, page.end)).toBe(page.text);
    for (const line of page.lines) expect(line.rect.page).toBe(page.number);
  }
}

async function withVerdict(bytes: Uint8Array): Promise<{ r: ExtractorResult; verdict: TagVerdict | null }> {
  let verdict: TagVerdict | null = null;
  const r = await extractPdf(bytes, undefined, {
    onTags: (v) => {
      verdict = v;
    },
  });
  return { r, verdict };
}

describe('Chromium-printed tagged PDFs (golden)', () => {
  it.each(['numbered', 'table-list', 'mirrored', 'two-columns'])(
    '%s: paragraphs and headings as written in the HTML',
    async (name) => {
      const { pdf, expected } = golden(name);
      const ex = await extractDocument({ bytes: pdf, filename: `${name}.pdf` });
      expect(ex.status).toBe('ready');
      expect(ex.paragraphs.map((p) => ({ text: squash(p.text), isHeading: p.isHeading }))).toEqual(
        expected.paragraphs.map((p) => ({ text: squash(p.text), isHeading: p.isHeading })),
      );
      expectIntegrity(ex);
    },
  );

  it('joins paragraphs cut by a page break, even one cut at a sentence end, and leaks no page furniture', async () => {
    const { pdf, expected } = golden('mirrored');
    const ex = await extractDocument({ bytes: pdf });
    const written = new Set(expected.paragraphs.map((p) => squash(p.text)));
    const crossing = ex.paragraphs.filter((p) => p.pageEnd > p.page);
    expect(crossing.length).toBeGreaterThanOrEqual(2);
    for (const p of crossing) {
      expect(written.has(squash(p.text))).toBe(true);
      expect(new Set(p.rects.map((r) => r.page)).size).toBe(2);
    }
    expect(ex.fullText).not.toContain('segmentation fixture');
    expect(ex.fullText).not.toMatch(/\b\d \/ \d\b/);
  });

  it('gives the same offsets, page texts and rectangles as the geometric pipeline where both agree', async () => {
    const { pdf } = golden('numbered');
    const tags = await extractPdf(pdf, undefined, { tags: true });
    const geometry = await extractPdf(pdf, undefined, { tags: false });
    if (!tags.ok || !geometry.ok) throw new Error('not extracted');
    expect(tags.paragraphs).toEqual(geometry.paragraphs);
    expect(tags.pages).toEqual(geometry.pages);
    expect(tags.fullText).toBe(geometry.fullText);
  });
});

/** A heading in body type, two paragraphs with no gap between them, a box the tree reads last, a page number. */
const PAGE: TaggedLine[] = [
  { text: 'Box: officers are listed in annex II.', x: 380, y: 750, mcid: 5 },
  { text: 'Scope of the strategy', x: 72, y: 720, mcid: 0 },
  { text: 'The strategy applies to every public body and to the operators', x: 72, y: 700, mcid: 1 },
  { text: 'of essential services that are named in the annex to this decree.', x: 72, y: 686, mcid: 2 },
  { text: 'Each body appoints a security officer within three months and', x: 72, y: 672, mcid: 3 },
  { text: 'reports every incident to the national centre without any delay.', x: 72, y: 658, mcid: 4 },
  { text: '3', x: 300, y: 40, mcid: 'artifact' },
];
const TREE = [
  { role: 'H1', mcids: [0] },
  { role: 'P', mcids: [1, 2] },
  { role: 'P', mcids: [3, 4] },
  { role: 'P', mcids: [5] },
];

describe('hand-written structure trees', () => {
  it('takes paragraphs, headings and reading order from a sane tree', async () => {
    const { r, verdict } = await withVerdict(taggedPdf(PAGE, TREE));
    if (!r.ok) throw new Error(r.reason);
    expect(verdict).toMatchObject({ use: true });
    expect(r.paragraphs.map((p) => [p.isHeading, p.text])).toEqual([
      [true, 'Scope of the strategy'],
      [
        false,
        'The strategy applies to every public body and to the operators of essential services that are named in the annex to this decree.',
      ],
      [
        false,
        'Each body appoints a security officer within three months and reports every incident to the national centre without any delay.',
      ],
      [false, 'Box: officers are listed in annex II.'],
    ]);
    expectIntegrity(r);
    // Geometry alone cannot see this: it reads the box first and runs the two paragraphs together.
    const geometry = await extractPdf(taggedPdf(PAGE, TREE), undefined, { tags: false });
    if (!geometry.ok) throw new Error(geometry.reason);
    expect(geometry.paragraphs.map((p) => p.text)).not.toEqual(r.paragraphs.map((p) => p.text));
  });

  it('keeps untagged body text (not artifacts) where the content stream has it', async () => {
    // Untagged but short (the tree still holds over 90 % of the text), and in the body, not in a margin.
    const page = PAGE.map((l) => (l.mcid === 5 ? { text: 'See annex II.', x: 72, y: 630 } : l));
    const { r, verdict } = await withVerdict(taggedPdf(page, TREE.slice(0, 3)));
    if (!r.ok) throw new Error(r.reason);
    expect(verdict).toMatchObject({ use: true });
    expect(r.paragraphs.map((p) => p.text)).toContain('See annex II.');
    expect(r.fullText).not.toMatch(/(^|\s)3$/);
  });

  it('follows a paragraph from one column into the next, and merges lines drawn out of order by row', async () => {
    const lines: TaggedLine[] = [
      { text: 'The first column of the report ends with', x: 72, y: 120, mcid: 0 },
      { text: 'these words at the top of the second column.', x: 320, y: 740, mcid: 1 },
      { text: 'is drawn before its first line.', x: 190, y: 600, mcid: 2 },
      { text: 'A second paragraph', x: 72, y: 600, mcid: 3 },
      { text: 'Its first line, drawn last, goes first.', x: 72, y: 620, mcid: 4 },
    ];
    const bytes = taggedPdf(lines, [
      { role: 'P', mcids: [0, 1] },
      { role: 'P', mcids: [2, 3, 4] },
    ]);
    const { r } = await withVerdict(bytes);
    if (!r.ok) throw new Error(r.reason);
    expect(r.paragraphs.map((p) => p.text)).toEqual([
      'The first column of the report ends with these words at the top of the second column.',
      'Its first line, drawn last, goes first. A second paragraph is drawn before its first line.',
    ]);
    expectIntegrity(r);
  });

  const geometryOf = async (bytes: Uint8Array) => {
    const r = await extractPdf(bytes, undefined, { tags: false });
    if (!r.ok) throw new Error(r.reason);
    return r;
  };

  it('falls back to geometry when the tree reaches too little of the text', async () => {
    const bytes = taggedPdf(PAGE, [TREE[0]!]);
    const { r, verdict } = await withVerdict(bytes);
    expect(verdict).toMatchObject({ use: false, why: 'low-coverage' });
    expect(r).toEqual(await geometryOf(bytes));
  });

  it('falls back to geometry when pdf.js cannot follow the tree (no ParentTree, missing root)', async () => {
    for (const opts of [{ parentTree: false }, { brokenRoot: true }]) {
      const bytes = taggedPdf(PAGE, TREE, opts);
      const { r, verdict } = await withVerdict(bytes);
      expect(r.ok && r.status).toBe('ready');
      expect(verdict).toMatchObject({ use: false, why: 'untagged' });
      expect(r).toEqual(await geometryOf(bytes));
    }
  });

  it('falls back to geometry when one element wraps the whole page', async () => {
    const lines: TaggedLine[] = Array.from({ length: 48 }, (_, i) => ({
      text: `Line ${i + 1} of a page that a careless converter tagged as one paragraph.`,
      x: 72,
      y: 750 - 14 * i,
      mcid: i,
    }));
    const bytes = taggedPdf(lines, [{ role: 'P', mcids: lines.map((_, i) => i) }]);
    const { r, verdict } = await withVerdict(bytes);
    expect(verdict).toMatchObject({ use: false, why: 'page-sized-blocks' });
    expect(r).toEqual(await geometryOf(bytes));
  });
});

describe('tagged files with untagged pages', () => {
  const line = (page: number, top: number, text: string): PdfLine => ({
    page,
    text,
    x: 72,
    top,
    w: 6 * text.length,
    h: 12,
    baseline: top + 10,
    size: 11,
    bold: false,
    italic: false,
    flow: 0,
  });
  const tagged = (lines: PdfLine[]): TaggedPage => ({
    blocks: lines.map((l) => ({
      role: 'P',
      parent: 'Document',
      lines: [l],
      unlabelled: false,
      orphan: false,
    })),
    textChars: lines.reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0),
    coveredChars: lines.reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0),
  });
  const page = (number: number, lines: PdfLine[], tags: TaggedPage | null): RawPage => ({
    number,
    width: 595,
    height: 842,
    rotation: 0,
    lines,
    failed: false,
    tags,
  });
  const body = Array.from({ length: 12 }, (_, i) =>
    line(1, 120 + 40 * i, `Paragraph ${i + 1} of the tagged page, a full sentence of text.`),
  );

  it('keeps the text of a page that has no tree when the rest of the file is tagged', () => {
    const cover = [line(2, 300, 'Annex added later.')];
    const verdict = readTags([page(1, body, tagged(body)), page(2, cover, null)]);
    if (!verdict.use) throw new Error(verdict.why);
    expect(verdict.drafts.map((d) => d.lines.map((l) => l.text).join(' '))).toContain('Annex added later.');
  });

  it('leaves the file to geometry when untagged pages hold much of the text', () => {
    const untagged = body.map((l) => ({ ...l, page: 2 }));
    const verdict = readTags([page(1, body, tagged(body)), page(2, untagged, null)]);
    expect(verdict).toMatchObject({ use: false, why: 'low-coverage' });
  });
});
