/** extractDocument end to end: every bad-input class, the kinds without pages, progress and paragraph keys. */
import { describe, expect, it } from 'vitest';
import { makeDocx } from '../../test/fixtures/pdf/make-docx.ts';
import { filler, makePdf } from '../../test/fixtures/pdf/make-pdf.ts';
import { encryptedPdf, imageOnlyPdf, simplePdf, zeroPagePdf } from '../../test/fixtures/pdf/raw-pdf.ts';
import { Page, Paragraph } from '../domain/schemas/file.ts';
import { LOGICAL_PAGE_CHARS } from './assemble.ts';
import {
  type Extraction,
  extractDocument,
  stableParagraphKey,
  stableParagraphKeys,
} from './extract-document.ts';

const ID = 'file0001';
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

/** Offsets slice exactly, and the output satisfies the domain schemas it feeds. */
function expectOffsets(ex: Extraction): void {
  for (const page of ex.pages) Page.parse({ ...page, fileId: ID });
  for (const p of ex.paragraphs) Paragraph.parse({ ...p, id: ID, fileId: ID });
  for (const p of ex.paragraphs) expect(ex.fullText.slice(p.start, p.end)).toBe(p.text);
  for (const page of ex.pages) expect(ex.fullText.slice(page.start, page.end)).toBe(page.text);
}

async function goodPdf(blocks = 30): Promise<Uint8Array> {
  return (await makePdf({ blocks: Array.from({ length: blocks }, (_, i) => ({ text: filler(i, 4) })) }))
    .bytes;
}

describe('bad input never throws and says what to do', () => {
  it('refuses a file over the limit before parsing it', async () => {
    // Not a PDF at all past the header: parsing would fail differently, so the size check must come first.
    const bytes = new Uint8Array(2048).fill(0x41);
    bytes.set(Buffer.from('%PDF-1.7'));
    const ex = await extractDocument({ bytes, maxBytes: 1024 });
    expect(ex.status).toBe('failed');
    expect(ex.reason).toMatch(/over the 1 KB limit/);
  });

  it('fails an empty file', async () => {
    const ex = await extractDocument({ bytes: new Uint8Array(0), filename: 'empty.pdf' });
    expect([ex.status, ex.reason]).toEqual(['failed', 'The file is empty (0 bytes): upload it again.']);
  });

  it('fails a password-protected PDF', async () => {
    const ex = await extractDocument({ bytes: encryptedPdf() });
    expect(ex).toMatchObject({ status: 'failed', kind: 'pdf' });
    expect(ex.reason).toBe('The PDF is password-protected: upload an unprotected copy.');
  });

  it('fails a truncated PDF as incomplete', async () => {
    const bytes = await goodPdf();
    for (const share of [0.2, 0.6, 0.95]) {
      const ex = await extractDocument({ bytes: bytes.slice(0, Math.floor(bytes.length * share)) });
      expect(ex.status).toBe('failed');
      expect(ex.reason).toMatch(/incomplete/);
    }
  });

  it('fails a corrupt PDF as damaged', async () => {
    const junk = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) & 0xff));
    const bytes = new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), junk, Buffer.from('\n%%EOF\n')]));
    const ex = await extractDocument({ bytes });
    expect(ex.status).toBe('failed');
    expect(ex.reason).toMatch(/damaged/);
  });

  it('fails a PDF with zero pages', async () => {
    const ex = await extractDocument({ bytes: zeroPagePdf() });
    expect([ex.status, ex.reason]).toEqual(['failed', 'The PDF has no pages.']);
  });

  it('marks a PDF of images without a text layer as needs-ocr, with its pages still listed', async () => {
    const ex = await extractDocument({ bytes: imageOnlyPdf(3) });
    expect(ex.status).toBe('needs-ocr');
    expect(ex.reason).toMatch(/OCR/);
    expect(ex.pages.map((p) => [p.number, p.width, p.text])).toEqual([
      [1, 612, ''],
      [2, 612, ''],
      [3, 612, ''],
    ]);
  });

  it('detects a text file named .pdf as text', async () => {
    const ex = await extractDocument({
      bytes: utf8('Just some notes.\n\nA second paragraph.'),
      filename: 'notes.pdf',
    });
    expect(ex).toMatchObject({ status: 'ready', kind: 'text' });
    expect(ex.paragraphs.map((p) => p.text)).toEqual(['Just some notes.', 'A second paragraph.']);
  });

  it('fails an unsupported binary and names it', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const ex = await extractDocument({ bytes: png, filename: 'scan.pdf' });
    expect(ex.status).toBe('failed');
    expect(ex.reason).toMatch(/PNG image/);
  });

  it('fails a damaged .docx', async () => {
    const whole = makeDocx([{ text: 'x' }]);
    const bytes = whole.slice(0, whole.length - 200); // the central directory is gone
    const ex = await extractDocument({ bytes });
    expect(ex).toMatchObject({ status: 'failed', kind: 'docx' });
    expect(ex.reason).toMatch(/Word document could not be read/);
  });
});

describe('PDF end to end', () => {
  it('reads a one-line hand-written PDF', async () => {
    const ex = await extractDocument({ bytes: simplePdf('Hello from a tiny PDF') });
    expect(ex.paragraphs.map((p) => p.text)).toEqual(['Hello from a tiny PDF']);
    expectOffsets(ex);
  });

  it('processes a 500-page PDF and reports progress per page', { timeout: 180_000 }, async () => {
    const blocks = Array.from({ length: 1000 }, (_, i) => ({ text: filler(i, 2) }));
    const made = await makePdf({ blocks, blocksPerPage: 2, footer: 'n / N', header: 'Long report' });
    expect(made.pageCount).toBe(500);
    const seen: number[] = [];
    const ex = await extractDocument({
      bytes: made.bytes,
      onProgress: (done, total) => seen.push(done / total),
    });
    expect(ex.status).toBe('ready');
    expect(ex.pages).toHaveLength(made.pageCount);
    expect(seen).toHaveLength(made.pageCount);
    expect(seen.at(-1)).toBe(1);
    expect(ex.paragraphs.map((p) => p.text)).toEqual(made.truth.map((t) => t.text));
    expectOffsets(ex);
  });
});

describe('files without pages', () => {
  it('splits text and Markdown into paragraphs, headings and list items', async () => {
    const md =
      '# Strategy\n\nFirst paragraph\nwrapped here.\n\n- item one\n- item two\n\nTitle two\n=========\nBody.';
    const ex = await extractDocument({ bytes: utf8(md) });
    expect(ex.paragraphs.map((p) => [p.text, p.isHeading])).toEqual([
      ['Strategy', true],
      ['First paragraph wrapped here.', false],
      ['- item one', false],
      ['- item two', false],
      ['Title two', true],
      ['Body.', false],
    ]);
    expect(ex.pages[0]).toMatchObject({ number: 1, width: 0, height: 0, lines: [] });
    expectOffsets(ex);
  });

  it('reads UTF-16 text with a byte-order mark', async () => {
    const bytes = new Uint8Array(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Héllo wörld.', 'utf16le')]),
    );
    const ex = await extractDocument({ bytes });
    expect(ex).toMatchObject({ kind: 'text', fullText: 'Héllo wörld.' });
  });

  it('makes logical pages of about 3,000 characters, breaking only between paragraphs', async () => {
    const paras = Array.from({ length: 40 }, (_, i) => filler(i, 3));
    paras.splice(5, 0, filler(99, 60)); // longer than a page: a page of its own
    const ex = await extractDocument({ bytes: utf8(paras.join('\n\n')) });
    expect(ex.pages.length).toBeGreaterThan(3);
    for (const page of ex.pages) {
      const inside = ex.paragraphs.filter((p) => p.page === page.number);
      expect(page.start).toBe(inside[0]!.start);
      expect(page.end).toBe(inside.at(-1)!.end);
      if (inside.length > 1) expect(page.text.length).toBeLessThanOrEqual(LOGICAL_PAGE_CHARS);
    }
    const long = ex.paragraphs[5]!;
    expect(ex.paragraphs.filter((p) => p.page === long.page)).toHaveLength(1);
    expectOffsets(ex);
  });

  it('reads HTML: drops script, style, nav and head; headings and list items', async () => {
    const html = `<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head><body>
      <nav><a href="/">Home</a></nav><script>var x = "<p>no</p>";</script>
      <h1>Cyber &amp; security</h1><p>First <b>bold</b>
      paragraph.</p><ul><li>One</li><li>Two &#8211; three</li></ul><div>Line<br><br>Next&nbsp;para</div></body></html>`;
    const ex = await extractDocument({ bytes: utf8(html), filename: 'page.txt' });
    expect(ex.kind).toBe('html');
    expect(ex.paragraphs.map((p) => [p.text, p.isHeading])).toEqual([
      ['Cyber & security', true],
      ['First bold paragraph.', false],
      ['One', false],
      ['Two – three', false],
      ['Line', false],
      ['Next para', false],
    ]);
    expectOffsets(ex);
  });

  it('reads DOCX through mammoth: heading styles and paragraphs', async () => {
    const bytes = makeDocx([
      { text: 'National strategy', style: 'Heading1' },
      { text: 'The first paragraph of the strategy & its aims.' },
      { text: 'Objectives', style: 'Heading2' },
      { text: 'Protect critical infrastructure.' },
    ]);
    const ex = await extractDocument({ bytes, filename: 'strategy.bin' });
    expect(ex).toMatchObject({ status: 'ready', kind: 'docx' });
    expect(ex.paragraphs.map((p) => [p.text, p.isHeading])).toEqual([
      ['National strategy', true],
      ['The first paragraph of the strategy & its aims.', false],
      ['Objectives', true],
      ['Protect critical infrastructure.', false],
    ]);
    expectOffsets(ex);
  });

  it('fails a text file that holds nothing but white space', async () => {
    const ex = await extractDocument({ bytes: utf8('  \n\n \t\n') });
    expect(ex).toMatchObject({ status: 'failed', reason: 'The file contains no text.' });
  });
});

describe('languages', () => {
  it('detects the file language and each paragraph language', async () => {
    const en =
      'The States agreed to strengthen cooperation on the security of information and communications technologies.';
    const fr =
      "Les États sont convenus de renforcer la coopération en matière de sécurité des technologies de l'information.";
    const ex = await extractDocument({ bytes: utf8(`Annex 1\n\n${en}\n\n${en}\n\n${fr}`) });
    expect(ex.language).toBe('en');
    // "Annex 1" is too short to tell: it is taken to be in the file's language (search stems it so).
    expect(ex.paragraphs.map((p) => p.language)).toEqual(['en', 'en', 'en', 'fr']);
  });
});

describe('stable paragraph keys', () => {
  it('ignores white-space and composition differences, and disambiguates repeats', () => {
    expect(stableParagraphKey('Café  au\nlait')).toBe(stableParagraphKey('Cafe\u0301 au lait'));
    expect(stableParagraphKey('a')).not.toBe(stableParagraphKey('b'));
    const keys = stableParagraphKeys(['x', 'y', 'x']);
    expect(new Set(keys).size).toBe(3);
    expect(keys[2]).toBe(`${keys[0]}#2`);
  });
});
