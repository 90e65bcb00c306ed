/**
 * HTML → readable text blocks, with a small regex tokenizer (no DOM in Node, and no extra dependency):
 * raw-text and non-content elements are removed, block-level tags end a block, h1–h6 are headings,
 * list items are their own blocks, two <br> in a row end a paragraph, entities are decoded.
 */
import type { TextBlock } from './types.ts';

/** Elements whose whole content is dropped: code, styling, metadata and site navigation. */
const DROP =
  /<(script|style|noscript|template|head|nav|svg|math|iframe|object|select|button)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?(-->|$)/g;

const BLOCK_TAGS = new Set(
  'address article aside blockquote body caption center dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
const HEADING = /^h[1-6]$/;
const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>|<![^>]*>|<\?[^>]*>/g;

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  sect: '§',
  para: '¶',
  euro: '€',
  pound: '£',
  shy: '\u00ad',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  aacute: 'á',
  agrave: 'à',
  acirc: 'â',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  ntilde: 'ñ',
  ccedil: 'ç',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  szlig: 'ß',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  zwj: '\u200d',
  zwnj: '\u200c',
  times: '×',
  minus: '−',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      // Surrogates and out-of-range code points are not characters; leave the reference as written.
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0) return whole;
      return String.fromCodePoint(code);
    }
    return NAMED[ref] ?? NAMED[ref.toLowerCase()] ?? whole;
  });
}

export function htmlBlocks(html: string): TextBlock[] {
  const source = html.replace(COMMENT, ' ').replace(DROP, ' ');
  const blocks: TextBlock[] = [];
  let buffer = '';
  let headingDepth = 0;
  let bufferIsHeading = false;
  const flush = () => {
    // "<br><br>" separates paragraphs in much hand-written HTML; a single <br> is only a line break.
    for (const part of decodeEntities(buffer).split(/\n[ \t\u00a0]*\n/)) {
      if (part.trim()) blocks.push({ text: part, isHeading: bufferIsHeading });
    }
    buffer = '';
    bufferIsHeading = headingDepth > 0;
  };
  let last = 0;
  for (const m of source.matchAll(TOKEN)) {
    // Source new lines are ordinary white space in HTML; only <br> makes a "\n" in the buffer.
    buffer += source.slice(last, m.index).replace(/\s+/g, ' ');
    last = m.index + m[0].length;
    const name = m[2]?.toLowerCase();
    if (!name) continue;
    if (name === 'br') {
      buffer += '\n';
      continue;
    }
    if (!BLOCK_TAGS.has(name)) continue;
    flush();
    if (HEADING.test(name)) {
      headingDepth = Math.max(0, headingDepth + (m[1] ? -1 : 1));
      bufferIsHeading = headingDepth > 0;
    }
  }
  buffer += source.slice(last).replace(/\s+/g, ' ');
  flush();
  return blocks;
}
