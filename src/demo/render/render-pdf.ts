/**
 * Renders the sample documents (and arbitrary plain text such as the seed excerpts) to realistic PDFs with
 * pdf-lib, and returns the ground truth a perfect extractor should produce: one entry per paragraph, in
 * reading order, with the pages it spans. Running headers, footers and page numbers are never in the truth.
 */
import { PDFDocument, rgb } from 'pdf-lib';
import type { SampleDocument } from '../documents/types.ts';
import {
  embedFonts,
  type FontFamily,
  type FontSet,
  type FontStyle,
  normalizeText,
  normalizeText as normalizeWinAnsi,
} from './fonts.ts';
import { type FlowItem, type Geometry, paginate } from './layout.ts';
import {
  embedUnicodeFonts,
  forRtlLayout,
  normalizeUnicodeText,
  type Script,
  scriptOf,
} from './unicode-fonts.ts';

export interface TruthParagraph {
  text: string;
  page: number;
  pageEnd: number;
  isHeading: boolean;
  /** Index into the document's blocks; -1 for the title-page front matter (issuer, title, label, date). */
  block: number;
}

export interface RenderResult {
  pdf: Uint8Array;
  truth: { paragraphs: TruthParagraph[] };
}

export type TextLayout = 'single' | 'two-column' | 'letter-landscape' | 'numbered';

interface Style {
  geometry: Geometry;
  family: FontFamily;
  size: number;
  leading: number;
  paragraphGap: number;
}

const A4 = { pageWidth: 595.28, pageHeight: 841.89 };
const MARGINS = { marginLeft: 72, marginRight: 72, marginTop: 78, marginBottom: 72 };

function styleFor(layout: TextLayout, family: FontFamily): Style {
  const body = family === 'times' ? { size: 12, leading: 16.5 } : { size: 10.5, leading: 15.5 };
  if (layout === 'two-column') {
    const geometry: Geometry = { ...A4, ...MARGINS, marginLeft: 56, marginRight: 56, columns: 2, gutter: 22 };
    return { geometry, family, size: 10, leading: 13.5, paragraphGap: 6 };
  }
  if (layout === 'letter-landscape') {
    const geometry: Geometry = {
      pageWidth: 792,
      pageHeight: 612,
      ...MARGINS,
      marginTop: 66,
      columns: 1,
      gutter: 0,
    };
    return { geometry, family, ...body, paragraphGap: 8 };
  }
  return { geometry: { ...A4, ...MARGINS, columns: 1, gutter: 0 }, family, ...body, paragraphGap: 8 };
}

const LABEL = /^(\d{1,3}\.|\(\d{1,2}\)|\([a-z]{1,4}\))\s+(\S.*)$/;

function headingLevel(text: string): 1 | 2 {
  return /^(\d+\.\d+|Article\s|Action\s|Section\s|[A-Z]\.\d)/.test(text) ? 2 : 1;
}

/** One flow item for a heading, paragraph or list item; `text` is normalized before it gets here. */
function itemFor(
  kind: 'heading' | 'paragraph' | 'list-item',
  text: string,
  block: number,
  style: Style,
): FlowItem {
  const narrow = style.geometry.columns === 2;
  const base = {
    block,
    kind,
    body: text,
    truth: text,
    style: 'regular' as FontStyle,
    size: style.size,
    leading: style.leading,
    spaceBefore: style.paragraphGap,
    labelIndent: 0,
    indent: 0,
    align: 'justify' as const,
    keepWithNext: false,
  };
  if (kind === 'heading') {
    const level = headingLevel(text);
    const size = style.size + (level === 1 ? 3 : 1);
    return {
      ...base,
      style: 'bold',
      size,
      leading: size * 1.3,
      spaceBefore: style.paragraphGap + (level === 1 ? 12 : 6),
      align: 'left',
      keepWithNext: true,
    };
  }
  if (kind === 'list-item') {
    const [labelIndent, indent] = narrow ? [4, 14] : [12, 25];
    return {
      ...base,
      truth: `• ${text}`,
      label: '•',
      labelIndent,
      indent,
      spaceBefore: style.paragraphGap / 2,
    };
  }
  const numbered = LABEL.exec(text);
  if (numbered) {
    const hang = style.geometry.columns === 2 ? 20 : 24;
    return { ...base, label: numbered[1], body: numbered[2]!, indent: hang };
  }
  return base;
}

function frontMatter(
  lines: Array<{ text: string; style: FontStyle; size: number; gap: number }>,
): FlowItem[] {
  return lines.map((l) => ({
    block: -1,
    kind: 'front',
    body: l.text,
    truth: l.text,
    style: l.style,
    size: l.size,
    leading: l.size * 1.3,
    spaceBefore: l.gap,
    labelIndent: 0,
    indent: 0,
    align: 'left',
    keepWithNext: false,
  }));
}

interface Job {
  front: FlowItem[];
  body: FlowItem[];
  style: Style;
  headerLeft: string;
  headerRight: string;
  title: string;
  language: string;
  /** Arabic, Chinese, Russian: Noto fonts; Arabic set right to left, Chinese broken between characters. */
  script?: Script | null;
}

/** Every character the samples draw must have a glyph: a missing one would print a box and extract nothing. */
function checkGlyphs(fonts: FontSet, items: FlowItem[]): void {
  for (const item of items) {
    const font = fonts[item.style] as unknown as {
      embedder: { font: { hasGlyphForCodePoint(c: number): boolean } };
    };
    for (const ch of item.truth)
      if (ch !== ' ' && !font.embedder.font.hasGlyphForCodePoint(ch.codePointAt(0)!))
        throw new Error(`The ${item.style} font has no glyph for "${ch}" in: ${item.truth.slice(0, 60)}`);
  }
}

async function draw(job: Job): Promise<RenderResult> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(job.title);
  pdf.setCreator('Cyber Policy Portal demo renderer');
  pdf.setProducer('pdf-lib');
  pdf.setLanguage(job.language);
  pdf.setCreationDate(new Date('2025-01-01T00:00:00Z'));
  pdf.setModificationDate(new Date('2025-01-01T00:00:00Z'));
  const fonts = job.script
    ? await embedUnicodeFonts(pdf, job.script)
    : await embedFonts(pdf, job.style.family);
  const rtl = job.script === 'arabic';
  if (job.script) checkGlyphs(fonts, [...job.front, ...job.body]);
  const fontOf = (s: FontStyle) => fonts[s];
  const measure = (text: string, s: FontStyle, size: number) => fontOf(s).widthOfTextAtSize(text, size);
  const { geometry } = job.style;
  for (const item of job.body) {
    // A wide label ("105.", "(iii)") pushes the text right so a space-sized gap always remains.
    if (item.label)
      item.indent = Math.max(
        item.indent,
        item.labelIndent + measure(item.label, item.style, item.size) + item.size * 0.4,
      );
  }
  const placed = paginate(job.front, job.body, geometry, measure);
  const pages = Array.from({ length: placed.pageCount }, () =>
    pdf.addPage([geometry.pageWidth, geometry.pageHeight]),
  );
  const ink = rgb(0.08, 0.08, 0.1);

  for (const line of placed.lines) {
    const page = pages[line.page - 1]!;
    const { item } = line;
    const font = fontOf(item.style);
    const x0 = line.frameX + item.indent;
    if (item.cjk && line.first && item.label)
      page.drawText(item.label, {
        x: line.frameX + item.labelIndent,
        y: line.baseline,
        size: item.size,
        font,
        color: ink,
      });
    if (rtl || item.cjk) {
      // Right to left: the line ends at the frame's right edge less the indent; no justification (Arabic
      // stretches with kashida, not spaces). Chinese: characters side by side, no spaces added.
      const text = line.words.join(item.cjk ? '' : ' ');
      const width = font.widthOfTextAtSize(text, item.size);
      const x = rtl ? line.frameX + line.width - width : x0;
      const at = { x, y: line.baseline, size: item.size, font, color: ink };
      page.drawText(item.cjk ? text : forRtlLayout(text), at);
      continue;
    }
    if (line.first && item.label) {
      page.drawText(item.label, {
        x: line.frameX + item.labelIndent,
        y: line.baseline,
        size: item.size,
        font,
        color: ink,
      });
    }
    const joined = line.words.join(' ');
    const natural = font.widthOfTextAtSize(joined, item.size);
    const gaps = line.words.length - 1;
    const slack = line.width - natural;
    if (item.align === 'justify' && !line.last && gaps > 0 && slack / gaps < item.size * 0.8) {
      const space = font.widthOfTextAtSize(' ', item.size) + slack / gaps;
      let x = x0;
      for (const word of line.words) {
        page.drawText(word, { x, y: line.baseline, size: item.size, font, color: ink });
        x += font.widthOfTextAtSize(word, item.size) + space;
      }
    } else {
      const x = item.align === 'center' ? x0 + slack / 2 : x0;
      page.drawText(joined, { x, y: line.baseline, size: item.size, font, color: ink });
    }
  }

  drawFurniture(pages, fonts, job);
  const truth = placed.spans
    .filter((s) => s.item.truth.length > 0)
    .map((s) => ({
      text: s.item.truth,
      page: s.page,
      pageEnd: s.pageEnd,
      isHeading: s.item.kind === 'heading' || (s.item.kind === 'front' && s.item.style === 'bold'),
      block: s.item.block,
    }));
  return { pdf: await pdf.save(), truth: { paragraphs: truth } };
}

/** Running header (not on page 1) and the "n / N" footer on every page. */
function drawFurniture(pages: ReturnType<PDFDocument['addPage']>[], fonts: FontSet, job: Job): void {
  const { geometry } = job.style;
  const grey = rgb(0.35, 0.35, 0.4);
  const left = geometry.marginLeft;
  const right = geometry.pageWidth - geometry.marginRight;
  pages.forEach((page, i) => {
    const footer = `${i + 1} / ${pages.length}`;
    const fw = fonts.sans.widthOfTextAtSize(footer, 9);
    const put = (text: string, o: { x: number; y: number; size: number }) =>
      page.drawText(text, { ...o, font: fonts.sans, color: grey });
    put(footer, { x: (geometry.pageWidth - fw) / 2, y: 36, size: 9 });
    if (i === 0) return;
    const y = geometry.pageHeight - 46;
    // Right to left, the title sits at the right and the issuer at the left.
    const rtl = job.script === 'arabic';
    const [atLeft, atRight] = rtl ? [job.headerRight, job.headerLeft] : [job.headerLeft, job.headerRight];
    const shown = (s: string) => (rtl ? forRtlLayout(s) : s);
    put(shown(atLeft), { x: left, y, size: 8.5 });
    const rw = fonts.sans.widthOfTextAtSize(atRight, 8.5);
    put(shown(atRight), { x: right - rw, y, size: 8.5 });
    page.drawLine({ start: { x: left, y: y - 5 }, end: { x: right, y: y - 5 }, thickness: 0.5, color: grey });
  });
}

const MONTHS: Record<string, string[]> = {
  en: 'January February March April May June July August September October November December'.split(' '),
  fr: 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' '),
};

function longDate(iso: string, language: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  // Western digits in Arabic, as UN Arabic texts write dates.
  if (scriptOf(language))
    return new Intl.DateTimeFormat(`${language}-u-nu-latn`, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(y!, m! - 1, d)),
    );
  return `${d} ${MONTHS[language === 'fr' ? 'fr' : 'en']![m! - 1]} ${y}`;
}

/** Renders one sample document; the truth's `block` indexes `doc.blocks` (front matter is -1). */
export async function renderDocumentPdf(doc: SampleDocument): Promise<RenderResult> {
  const family = doc.font ?? 'times';
  const style = styleFor(doc.layout, family);
  const titleSize = doc.layout === 'two-column' ? 18 : 20;
  const script = scriptOf(doc.language);
  const normalizeText = script ? normalizeUnicodeText : normalizeWinAnsi;
  const front = frontMatter([
    { text: normalizeText(doc.issuerName.toUpperCase()), style: 'bold', size: 10, gap: 0 },
    { text: normalizeText(doc.title), style: 'bold', size: titleSize, gap: 18 },
    { text: normalizeText(doc.subtitle), style: 'italic', size: 9.5, gap: 6 },
    {
      text: normalizeText(
        `${doc.issuingBody}${script === 'arabic' ? '، ' : script === 'cjk' ? '，' : ' — '}${longDate(doc.date, doc.language)}`,
      ),
      style: 'regular',
      size: 10,
      gap: 6,
    },
  ]);
  const body = doc.blocks
    .map((b, i) => itemFor(b.kind, normalizeText(b.text), i, style))
    .filter((item) => item.body.length > 0);
  if (script === 'cjk') for (const item of [...front, ...body]) item.cjk = true;
  // Right to left, a paragraph number is drawn as part of its line (at its right end), not hung on the left.
  if (script === 'arabic')
    for (const item of body)
      Object.assign(item, { label: undefined, body: item.truth, indent: 0, labelIndent: 0 });
  return draw({
    script,
    front,
    body,
    style,
    headerLeft: normalizeText(doc.shortTitle ?? doc.title),
    headerRight: normalizeText(doc.issuerName),
    title: doc.title,
    language: doc.language,
  });
}

/** Groups of 3–5 sentences (3, 4, 5, 4, …) from one run-on block of text. */
function sentenceGroups(text: string): string[] {
  const sentences = text.match(/[^.!?]+(?:[.!?]+["'”’)]*\s*|$)/g) ?? [];
  const sizes = [3, 4, 5, 4];
  const out: string[] = [];
  for (let i = 0, k = 0; i < sentences.length; k++) {
    const size = sizes[k % sizes.length]!;
    out.push(
      sentences
        .slice(i, i + size)
        .join('')
        .trim(),
    );
    i += size;
  }
  return out;
}

/** Paragraphs of plain text: blank-line separated; a run-on block (> 1,200 characters) becomes sentence groups. */
export function splitPlainText(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0)
    .flatMap((b) => (b.length > 1200 ? sentenceGroups(b) : [b]))
    .filter((b) => b.length > 0);
}

/** Renders arbitrary plain text (the seed excerpts, uploads in tests) in one of four layouts. */
export async function renderTextPdf(
  text: string,
  options: { layout: TextLayout; title: string; font?: FontFamily },
): Promise<RenderResult> {
  const style = styleFor(options.layout, options.font ?? 'times');
  const paragraphs = splitPlainText(text).map(normalizeText);
  const body = paragraphs
    .map((para, i) =>
      itemFor('paragraph', options.layout === 'numbered' ? `${i + 1}. ${para}` : para, i, style),
    )
    .filter((item) => item.body.length > 0);
  const title = normalizeText(options.title);
  const front = frontMatter([{ text: title, style: 'bold', size: 16, gap: 0 }]);
  return draw({
    front,
    body,
    style,
    headerLeft: title,
    headerRight: 'Cyber Policy Portal',
    title: options.title,
    language: 'en',
  });
}
