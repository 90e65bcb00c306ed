/**
 * Lines in reading order → paragraphs. A new paragraph starts at a larger vertical gap than the document's
 * usual line pitch, at a change of font size or weight, at a first-line indent, at a numbered paragraph or list
 * item, and after a short line that ends a sentence. Across a column or page break, a paragraph continues
 * when its last line does not end a sentence and the next line is neither indented, a heading nor a marker.
 */
import { joinInDocument, vocabularyOf } from './hyphen-vocabulary.ts';
import { medianCharSize, type PdfLine } from './lines.ts';

export type Join = 'space' | 'none' | 'drop-hyphen' | 'keep-hyphen';

export interface ParagraphDraft {
  lines: PdfLine[];
  /** How line i+1 joins line i. */
  joins: Join[];
  isHeading: boolean;
}

/**
 * Numbered paragraphs and list items: "12.", "1.2.", "3)", "(a)", "(iv)", "(A)", "a)", "Article 4.", bullets,
 * dashes. Case-sensitive on purpose: "(CBMs)" or "(OEWG)" opening a wrapped line is an abbreviation.
 */
const MARKER =
  /^(\d{1,3}(\.\d{1,3})*\.\s|\d{1,3}\)\s|\((\d{1,3}|[a-z]{1,2}|[ivxl]{1,6}|[A-Z])\)\s|[a-z]\)\s|(Article|ARTICLE|Art\.|Section|SECTION|Chapter|CHAPTER|Part|PART|Annex|ANNEX)\s+[\dIVXLC]+[a-z]?(\s*[.:–—-]|$)|[•▪◦·‣●○■□➢►✓*\-–—]\s)/;
/** A line that goes on with a sentence in lower case ("правительственных экспертов…", "telecommunications…"). */
const GOES_ON = /^\p{Ll}{2}/u;
/** "b. Although…", "iv) where…": a list's label in lower case, not a word. */
const LETTER_LABEL = /^\p{Ll}{1,4}[.)]\s/u;
/** A line opening with a dash: a bullet of a list, or a dash that wrapped to the line's start. */
const DASH_ITEM = /^[-–—]\s/;
/** Short numbered lines are headings: "2. Strategic objectives", "III. Findings", "Article 4", "Chapter 2: Scope". */
const NUMBERED_HEADING =
  /^((\d{1,2}(\.\d{1,2})*\.?|[IVXLC]{1,6}\.|[A-H]\.)\s+\p{Lu}|(article|chapter|section|part|annex)\s+[\dIVXLC]+\b)/iu;
/** Sentence ends (Latin, CJK, Arabic), possibly followed by closing quotes or brackets. */
export const TERMINATOR = /[.!?…:。！？؟]["'”’»)\]]*$/u;
/** A line that goes on with a sentence: a lower-case letter, a letter of an uncased script, or punctuation. */
const CONTINUES = /^["'“‘(]*([\p{Ll}\p{Lo}\p{Pd},;:)])/u;
const CJK_EDGE = /[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/u;
/**
 * Hyphen at a line end joins with the next line's first word. The hyphen is kept (a real compound) when the
 * next part does not start with a lower-case letter ("Franco-" "German", "COVID-" "19"), when the first part
 * already holds a hyphen ("state-of-" "the-art") or is one letter ("e-" "government"), or is a prefix that
 * English writes with a hyphen ("self-" "defence", "non-" "state"). Otherwise it is a line-break hyphen
 * ("coopera-" "tion" → "cooperation").
 */
const HYPHEN_END = /[\p{L}\p{N}][-\u2010]$/u;
const KEEP_PREFIXES = new Set(['self', 'non', 'cross', 'ex', 'all', 'well', 'half', 'quasi', 'so']);

/** Share above the body font size from which a line is set as a heading (14 pt against 10.5–12 pt body). */
const HEADING_SIZE_RATIO = 1.12;
/**
 * Font sizes differing by more than this share are different styles: front matter at 9.5 pt under 10 pt body
 * text is a different paragraph; one document's body size does not drift by 4 %.
 */
const STYLE_SIZE_TOLERANCE = 0.04;
/** Extra baseline distance (in ems) over the usual line pitch that makes a paragraph gap. */
const GAP_EXTRA_EM = 0.45;
/** A first-line indent is at least this many ems (Word's default is 0.5 in = 3–4 em). */
const INDENT_EM = 0.8;
/** A line ending a sentence and stopping this share of the column short of its right edge ends a paragraph. */
const SHORT_LINE_SHARE = 0.3;
/** A measure narrower than this many ems (a label, a number, a table's column) has no width to fill. */
const MEASURE_EM = 15;

export function joinFor(prev: string, next: string): Join {
  if (HYPHEN_END.test(prev)) {
    const lastWord = prev.slice(prev.lastIndexOf(' ') + 1, -1);
    const space = next.indexOf(' ');
    const nextWord = space < 0 ? next : next.slice(0, space);
    if (!/^\p{Ll}/u.test(nextWord)) return 'keep-hyphen';
    if (lastWord.includes('-') || lastWord.replace(/[^\p{L}]/gu, '').length <= 1) return 'keep-hyphen';
    if (KEEP_PREFIXES.has(lastWord.toLowerCase())) return 'keep-hyphen';
    if (/\p{N}$/u.test(lastWord)) return 'keep-hyphen';
    return 'drop-hyphen';
  }
  if (CJK_EDGE.test(prev.slice(-1)) && CJK_EDGE.test(next.charAt(0))) return 'none';
  return 'space';
}

interface Stats {
  bodySize: number;
  bodyBold: boolean;
  /**
   * Whether a line's size sets a large share of the document's text (a form's labels in 8 pt over its 7 pt
   * notes, 40 % of its characters): a second body type, not a heading's, however much larger than the body.
   */
  bodyStyle: (l: PdfLine) => boolean;
  pitch: number;
  flows: Map<string, { left: number; right: number }>;
}

function collectStats(pages: PdfLine[][]): Stats {
  let boldChars = 0;
  let chars = 0;
  const flows = new Map<string, { left: number; right: number }>();
  for (const lines of pages) {
    for (const l of lines) {
      chars += l.text.length;
      if (l.bold) boldChars += l.text.length;
      const k = `${l.page}:${l.flow}`;
      const f = flows.get(k);
      if (f) {
        f.left = Math.min(f.left, l.x);
        f.right = Math.max(f.right, l.x + l.w);
      } else flows.set(k, { left: l.x, right: l.x + l.w });
    }
  }
  // Line pitch: the most common baseline distance (in ems) between consecutive lines of one style, counted
  // after lines that wrapped (they fill most of a measure of 15 ems or more): only there is the next line
  // surely the same paragraph's. Between one-line paragraphs the distance is the paragraph spacing, and a
  // page of them ("Check box, unchecked" / "Check box, checked" 2.7 em apart) would take that for the pitch.
  const ratios = new Map<number, number>();
  const wrappedRatios = new Map<number, number>();
  for (const lines of pages) {
    lines.forEach((l, i) => {
      const prev = lines[i - 1];
      if (!prev || prev.flow !== l.flow || Math.abs(prev.size - l.size) >= 0.05 * l.size) return;
      const r = (l.baseline - prev.baseline) / l.size;
      if (r <= 0.8 || r >= 3) return;
      const bin = Math.round(r * 20) / 20;
      ratios.set(bin, (ratios.get(bin) ?? 0) + 1);
      const f = flows.get(`${prev.page}:${prev.flow}`)!;
      const width = f.right - f.left;
      if (width >= MEASURE_EM * prev.size && prev.w >= WRAPPED_SHARE * width)
        wrappedRatios.set(bin, (wrappedRatios.get(bin) ?? 0) + 1);
    });
  }
  const bodySize = medianCharSize(pages.flat());
  const bySize = new Map<number, number>();
  for (const lines of pages)
    for (const l of lines) bySize.set(sizeKey(l.size), (bySize.get(sizeKey(l.size)) ?? 0) + l.text.length);
  const bodyStyle = (l: PdfLine) =>
    chars >= BODY_STYLE_MIN_CHARS && (bySize.get(sizeKey(l.size)) ?? 0) >= BODY_STYLE_SHARE * chars;
  // Without a wrapped line, the document's lines are all short: their most common distance is kept only when it
  // is a single-spaced pitch, not a paragraph spacing.
  const pitch =
    wrappedRatios.size > 0 ? mostCommon(wrappedRatios) : Math.min(mostCommon(ratios), DEFAULT_PITCH);
  return { bodySize, bodyBold: boldChars > chars / 2, bodyStyle, pitch, flows };
}

/**
 * Bold type this much smaller than the body is a figure's or chart's labels ("i5", "Exit Guard" in 4.2 pt over
 * 9 pt), a caption or a note (9 pt under 12 pt and smaller), not a heading; a run-in heading one step down
 * ("Desktop only" in 10 pt bold over 12 pt) is.
 */
const BOLD_HEADING_MIN_SIZE = 0.8;
/** Sizes to the half point: one style's lines differ by rounding only. */
const sizeKey = (size: number) => Math.round(size * 2) / 2;
/** A size setting this share of a document's characters is a body type (headings are a few lines of it). */
const BODY_STYLE_SHARE = 0.2;
/** Under this many characters (a title and two lines) a document's shares say nothing. */
const BODY_STYLE_MIN_CHARS = 2000;

/** Single line spacing in ems (Word's "single" for Times or Calibri is 1.15–1.22 em). */
const DEFAULT_PITCH = 1.2;
/** A line filling this share of its flow's width (of 15 ems or more) has wrapped. */
const WRAPPED_SHARE = 0.75;

function mostCommon(ratios: Map<number, number>): number {
  let pitch = DEFAULT_PITCH;
  let best = 0;
  for (const [r, n] of ratios) {
    if (n > best || (n === best && r < pitch)) {
      best = n;
      pitch = r;
    }
  }
  return pitch;
}

/**
 * A line whose items are partly bold and partly not: a lead sentence opening with its subject in bold
 * ("**Spider-Man: Shattered Dimensions** is a 2010 action-adventure", as Wikipedia prints) or a run-in
 * heading. Counted bold when most of its characters are, it is still a line of its paragraph's text: the
 * next plain line goes on with it, and it is no bold heading.
 */
const partlyBold = (l: PdfLine): boolean =>
  !!l.pieces && l.pieces.some((p) => p.bold) && l.pieces.some((p) => !p.bold);

function sameStyle(a: PdfLine, b: PdfLine): boolean {
  const sizeOk = Math.abs(a.size - b.size) <= Math.max(0.2, STYLE_SIZE_TOLERANCE * Math.max(a.size, b.size));
  return sizeOk && (a.bold === b.bold || partlyBold(a) || partlyBold(b)) && a.italic === b.italic;
}

/** A numbered heading is one short line: it stops well before the column's right edge, ends without punctuation. */
function isNumberedHeadingLine(line: PdfLine, flow: { left: number; right: number }): boolean {
  const margin = 0.2 * (flow.right - flow.left);
  const short = line.rtl ? line.x > flow.left + margin : line.x + line.w < flow.right - margin;
  return short && line.text.length <= 100 && NUMBERED_HEADING.test(line.text) && !/[-.;,:]$/.test(line.text);
}

/** A side box's paragraphs waiting for their place in the reading order. */
interface PendingBox {
  /** page:aside number */
  id: string;
  /** The body paragraph being read where the box starts. */
  host: ParagraphDraft | null;
  current: ParagraphDraft | null;
  drafts: ParagraphDraft[];
}

/**
 * `widths[i]`: the width of page i+1 (PDF points), for lines in a flow too narrow to give a measure of its
 * own; without it they are measured by their own lines only.
 */
export function buildParagraphs(pages: PdfLine[][], widths: number[] = []): ParagraphDraft[] {
  const stats = collectStats(pages);
  const { bodySize, bodyBold } = stats;
  const headingStyle = (l: PdfLine) =>
    l.size >= bodySize * HEADING_SIZE_RATIO || (l.bold && !bodyBold && !partlyBold(l));
  const flowOf = (l: PdfLine) => stats.flows.get(`${l.page}:${l.flow}`) ?? { left: l.x, right: l.x + l.w };
  const drafts: ParagraphDraft[] = [];
  let current: ParagraphDraft | null = null;

  /**
   * Indent of a line from the edge its script starts at (the left, or the right for Arabic and Hebrew) of its
   * column: comparable across columns and pages.
   */
  const indentOf = (l: PdfLine) => (l.rtl ? flowOf(l).right - (l.x + l.w) : l.x - flowOf(l).left);
  /** Space a line leaves at the end its script stops at, and the measure, from the paragraph's own lines. */
  const shortfall = (
    para: ParagraphDraft,
    prev: PdfLine,
    cur: PdfLine,
    f: { left: number; right: number },
  ) => {
    if (prev.rtl) {
      let left = cur.x;
      for (const l of para.lines) left = Math.min(left, l.x);
      return { short: prev.x - left, measure: f.right - left };
    }
    let right = cur.x + cur.w;
    for (const l of para.lines) right = Math.max(right, l.x + l.w);
    return { short: right - (prev.x + prev.w), measure: right - f.left };
  };

  const startsNew = (para: ParagraphDraft, prev: PdfLine, cur: PdfLine): boolean => {
    // A table or form cell is one paragraph, whatever its lines look like (pdf/table-cells.ts).
    if (prev.cell !== undefined || cur.cell !== undefined)
      return prev.page !== cur.page || prev.cell !== cur.cell;
    const first = para.lines[0]!;
    if (MARKER.test(cur.text) && !dashGoesOn(para, first, prev, cur)) return true;
    const f = flowOf(cur);
    const em = cur.size;
    // A numbered paragraph or list item may hang its following lines under its text ("12.  Text / text").
    const marker = MARKER.test(first.text);
    const second = para.lines[1];
    const hang = second && indentOf(second) > indentOf(first) + 0.3 * em ? indentOf(second) : null;
    const hangingLine = () =>
      marker &&
      (hang !== null
        ? Math.abs(indentOf(cur) - hang) < 0.5 * em
        : indentOf(cur) > indentOf(first) + 0.3 * em && indentOf(cur) <= indentOf(first) + 5 * em);
    const pitch = (cur.baseline - prev.baseline) / em;
    const nextLine = prev.page === cur.page && pitch > 0.3 && pitch <= stats.pitch + GAP_EXTRA_EM;
    // Pages in between had no text (blank, or a picture): what follows is not this paragraph's continuation.
    if (cur.page > prev.page + 1) return true;
    if (prev.page !== cur.page || prev.flow !== cur.flow) {
      // A two-line title whose second line is narrower than the gutter sits in two layout bands.
      if (nextLine && headingStyle(prev) && sameStyle(prev, cur)) return false;
      if (!sameStyle(prev, cur) || headingStyle(prev)) return true;
      // A numbered paragraph whose next line hangs under its text, as before the break, goes on.
      if (hang !== null && hangingLine()) return false;
      if (indentOf(cur) > INDENT_EM * em && !hangingLine()) return true;
      if (MARKER.test(cur.text)) return true;
      if (prev.page !== cur.page) {
        // Across a page, the text's flow decides, whatever the margins (mirrored pages move them): an
        // unfinished sentence goes on, but from a short line only into a lower-case continuation ("This is
        // page ii" / "This is page iii" are two paragraphs). A sentence end stays a paragraph end: a full last
        // line is as common at a paragraph's end as a sentence end at a wrapped line's (decision 34).
        if (TERMINATOR.test(prev.text) && !(stretched(prev) && plainLine(cur))) return true;
        if (!fullLine(para, prev, cur) && !CONTINUES.test(cur.text)) return true;
        return para.lines.length === 1 && isNumberedHeadingLine(first, flowOf(first));
      }
      // Into the next column, continue only an unfinished sentence into a plain, unindented line; from a short
      // line only into a lower-case continuation, as across a page ("Radio button, read-only" at a column's
      // foot and "Radio button, unselected" atop the next are two entries).
      if (TERMINATOR.test(prev.text) && !(stretched(prev) && plainLine(cur))) return true;
      if (!fullLine(para, prev, cur) && !CONTINUES.test(cur.text)) return true;
      return para.lines.length === 1 && isNumberedHeadingLine(first, flowOf(first));
    }
    if (!sameStyle(prev, cur) || !nextLine) return true;
    // "2. The Concept takes into account the reports of the Group" is a numbered paragraph's first line, not
    // a heading, when its sentence goes on with a lower-case word on the next line (not a label: "b. Also").
    if (
      para.lines.length === 1 &&
      isNumberedHeadingLine(first, f) &&
      (!GOES_ON.test(cur.text) || LETTER_LABEL.test(cur.text))
    )
      return true;
    // Headings are often centred: their lines start at different x without being new paragraphs.
    if (!headingStyle(cur)) {
      if (marker && hang !== null && indentOf(cur) < hang - 0.5 * em) return true; // the hanging list ended
      if (indentOf(cur) > indentOf(prev) + INDENT_EM * em && !hangingLine()) return true;
    }
    // The measure is the text's own edge, not the flow's: beside a side box the body is narrower.
    const { short, measure } = shortfall(para, prev, cur, f);
    if (TERMINATOR.test(prev.text) && short > SHORT_LINE_SHARE * measure) return true;
    return !headingStyle(prev) && brokenByHand(para, prev, cur);
  };

  /**
   * Whether a line stops with room for the next line's first word (and an em to spare for the estimate): text
   * that wraps fills its line, so its writer ended this one (one-line paragraphs at the line pitch, short
   * last lines that do not end a sentence). Not after a hyphen, dash or slash (a line may break inside a
   * compound there), not before a lower-case word or a letter of an uncased script, and not in a measure
   * under 15 ems (a label, a number) that has no width to fill.
   */
  const brokenByHand = (para: ParagraphDraft, prev: PdfLine, cur: PdfLine): boolean => {
    if (/[-\u2010-\u2015/]$/u.test(prev.text)) return false;
    // A lower-case word goes on with the sentence: the line was cut short by something beside it (a
    // picture or an infobox the text flows round), not by its writer.
    if (CONTINUES.test(cur.text)) return false;
    let left = prev.x;
    let right = prev.x + prev.w;
    // The measure of the paragraph's lines above, in this column only: a paragraph from another page or column
    // has its own, and text flowing round a box widens under it (the next line may be wider).
    for (const l of para.lines) {
      if (l.page !== prev.page || l.flow !== prev.flow) continue;
      left = Math.min(left, l.x);
      right = Math.max(right, l.x + l.w);
    }
    const word = cur.text.split(' ')[0]!.length;
    const wordWidth = cur.text.length > 0 ? (cur.w * (word + 1)) / cur.text.length : 0;
    if (right - left < MEASURE_EM * prev.size) {
      // No line of the paragraph gives a measure. When none of its flow does either (a page of short lines:
      // "The first paragraph." / "The second paragraph.", a table's label column "Name" / "Id" / "Age"), the
      // measure is the flow's widest line (the next word fitted there: greedy wrapping would have put it
      // there), or, with nothing beside the line, the page's text edge (its margins taken as symmetric). Not
      // up to text beside it: a caption wrapped in a narrow box beside the body would be cut at each line.
      const f = flowOf(prev);
      if (f.right - f.left >= MEASURE_EM * prev.size || /[,;]$/.test(prev.text)) return false;
      const inFlow = prev.rtl ? prev.x - f.left : f.right - (prev.x + prev.w);
      if (inFlow > wordWidth + 0.25 * cur.size) return true;
      const room = roomToPageEdge(prev, left, right);
      return room !== null && room > wordWidth + cur.size;
    }
    const room = prev.rtl ? prev.x - left : right - (prev.x + prev.w);
    return room > wordWidth + cur.size;
  };

  /**
   * The room at the end of a line (right, or left for right-to-left text) up to the page's text edge, when
   * nothing stands beside the line on its row and that edge makes a measure of 15 ems from the paragraph's
   * other edge; null otherwise, or when the page's width is unknown.
   */
  const roomToPageEdge = (line: PdfLine, left: number, right: number): number | null => {
    const width = widths[line.page - 1];
    if (!width) return null;
    const page = pages[line.page - 1] ?? [];
    const beside = page.some(
      (l) =>
        l !== line &&
        Math.abs(l.baseline - line.baseline) < 2 * line.size &&
        (line.rtl ? l.x + l.w <= line.x : l.x >= line.x + line.w),
    );
    if (beside) return null;
    if (line.rtl) {
      const edge = width - Math.max(...page.map((l) => l.x + l.w));
      return right - edge >= MEASURE_EM * line.size ? line.x - edge : null;
    }
    const edge = width - Math.min(...page.map((l) => l.x));
    return edge - left >= MEASURE_EM * line.size ? edge - (line.x + line.w) : null;
  };

  /**
   * Whether a line of justified text was stretched to its column's edge: a paragraph's last line is set at its
   * natural width, so a sentence that ends on a stretched line at a column's or page's foot goes on in the
   * next (decision 34 keeps a sentence end as a paragraph end there, right for ragged text, where a full last
   * line is common). Justified: most of the flow's wide lines end at this line's end, to 0.05 em (ragged lines
   * end a few points apart), at least three of them.
   */
  /** A body line: not a numbered heading ("6.5 Calling External Functions" atop the next column). */
  const plainLine = (line: PdfLine) => !isNumberedHeadingLine(line, flowOf(line));
  const stretched = (line: PdfLine): boolean => {
    if (!/\s/.test(line.text)) return false;
    const f = flowOf(line);
    const width = f.right - f.left;
    if (width < MEASURE_EM * line.size || line.w < WRAPPED_SHARE * width) return false;
    const end = (l: PdfLine) => (line.rtl ? l.x : l.x + l.w);
    let wide = 0;
    let flush = 0;
    for (const l of pages[line.page - 1] ?? []) {
      if (
        l.flow !== line.flow ||
        l.aside !== line.aside ||
        l.cell !== undefined ||
        l.w < WRAPPED_SHARE * width
      )
        continue;
      wide += 1;
      if (Math.abs(end(l) - end(line)) <= 0.05 * line.size) flush += 1;
    }
    return flush >= 4 && flush >= 0.6 * wide;
  };

  /**
   * A dash opening a line is a list item's bullet, or a dash inside a sentence that wrapped before it ("…
   * промышленности / — 28 марта 2023 г."): the latter when the line above fills its measure, does not end
   * a sentence, and its paragraph is not itself a dash item; on the next line of the same column and type.
   */
  const dashGoesOn = (para: ParagraphDraft, first: PdfLine, prev: PdfLine, cur: PdfLine): boolean => {
    if (!DASH_ITEM.test(cur.text) || DASH_ITEM.test(first.text) || TERMINATOR.test(prev.text)) return false;
    if (prev.page !== cur.page || prev.flow !== cur.flow || !sameStyle(prev, cur)) return false;
    const pitch = (cur.baseline - prev.baseline) / cur.size;
    return (
      pitch > 0.3 && pitch <= stats.pitch + GAP_EXTRA_EM && para.lines.length > 0 && fullLine(para, prev, cur)
    );
  };

  /**
   * Whether a line reaches the end of its paragraph's measure (the flow's edge on its page, or the farthest
   * its paragraph's lines reach), within 3 % or the next line's first word: a wrapped line, not a
   * paragraph's last. A flow under 15 ems wide (a lone number, a label) has no measure to fill.
   */
  const fullLine = (para: ParagraphDraft, line: PdfLine, next: PdfLine): boolean => {
    const f = flowOf(line);
    let left = f.left;
    let right = f.right;
    for (const l of para.lines) {
      left = Math.min(left, l.x);
      right = Math.max(right, l.x + l.w);
    }
    const width = right - left;
    if (width < 15 * line.size) return false;
    const room = line.rtl ? line.x - left : right - (line.x + line.w);
    // Ragged-right text wraps when the next word does not fit: its width, estimated from its line.
    const word = next.text.split(' ')[0]!.length;
    const wordWidth = next.text.length > 0 ? (next.w * (word + 1)) / next.text.length : 0;
    return room <= Math.max(0.03 * width, wordWidth);
  };

  // A side box is read as its own paragraphs, put after the body paragraph it starts beside (its host); before
  // the host when the host goes on to a later page, so that pages stay in order in the text.
  let box = null as PendingBox | null;
  /** The last paragraph of the side box read last: a box broken by a page goes on in the next page's box. */
  let lastBoxDraft = null as ParagraphDraft | null;
  const placeBox = () => {
    if (!box) return;
    const { host, drafts: boxDrafts } = box;
    lastBoxDraft = box.current;
    if (boxDrafts.length === 0) {
      box = null;
      return;
    }
    const boxPage = boxDrafts[0]!.lines[0]!.page;
    if (host && host.lines[host.lines.length - 1]!.page > boxPage)
      drafts.splice(drafts.indexOf(host), 0, ...boxDrafts);
    else drafts.push(...boxDrafts);
    box = null;
  };
  const extend = (para: ParagraphDraft | null, line: PdfLine): boolean => {
    const prev = para?.lines[para.lines.length - 1];
    if (!para || !prev || startsNew(para, prev, line)) return false;
    para.joins.push(joinFor(prev.text, line.text));
    para.lines.push(line);
    return true;
  };

  for (const lines of pages) {
    for (const line of lines) {
      if (line.aside !== undefined) {
        const id = `${line.page}:${line.aside}`;
        if (box?.id !== id) {
          placeBox();
          box = { id, host: current, current: null, drafts: [] };
          // A box that a page break cut ("…in particular for" / "software updates…" in the next page's box):
          // its paragraph goes on into a lower-case continuation, as body text does across a page (an
          // infobox's label and value run into one line and look full; their next row is no continuation).
          const before = lastBoxDraft?.lines[lastBoxDraft.lines.length - 1];
          if (
            before &&
            before.page === line.page - 1 &&
            CONTINUES.test(line.text) &&
            extend(lastBoxDraft, line)
          ) {
            box.current = lastBoxDraft;
            continue;
          }
        }
        if (extend(box.current, line)) continue;
        box.current = { lines: [line], joins: [], isHeading: false };
        box.drafts.push(box.current);
        continue;
      }
      if (extend(current, line)) continue;
      placeBox();
      current = { lines: [line], joins: [], isHeading: false };
      drafts.push(current);
    }
  }
  placeBox();
  /**
   * A contents list's entry ends with its page number after dot leaders, or level with the leader rows' numbers
   * beside it: "1 Document structures 1" in bold over "1.1 Mathematics . . . 1" is the chapter's entry, not its
   * heading (nor is "1.1 Mathematics . . . 1", a numbered short line, a numbered heading).
   */
  const contentsEntry = (d: ParagraphDraft): boolean => {
    const last = d.lines[d.lines.length - 1]!;
    if (!PAGE_REF_END.test(last.text)) return false;
    if (LEADERS.test(last.text)) return true;
    // The rows beside it on its own page (looked up only for the few lines ending in a number).
    const lines = pages[last.page - 1] ?? [];
    const at = lines.indexOf(last);
    const end = last.x + last.w;
    for (let j = Math.max(0, at - 3); j <= at + 3 && j < lines.length; j++) {
      const l = lines[j]!;
      if (j === at || l.page !== last.page || !LEADERS.test(l.text) || !PAGE_REF_END.test(l.text)) continue;
      if (Math.abs(l.x + l.w - end) <= 0.5 * last.size) return true;
    }
    return false;
  };
  for (const d of drafts) {
    const first = d.lines[0]!;
    // A table's column head or a form's label is not a heading of the document (nor of its TOC).
    if (first.cell !== undefined) continue;
    const chars = d.lines.reduce((n, l) => n + l.text.length, 0);
    const bySize = first.size >= bodySize * HEADING_SIZE_RATIO && chars <= 300 && !stats.bodyStyle(first);
    const byWeight =
      !bodyBold &&
      d.lines.every((l) => l.bold && !partlyBold(l)) &&
      d.lines.length <= 2 &&
      chars <= 150 &&
      first.size >= bodySize * BOLD_HEADING_MIN_SIZE;
    d.isHeading =
      (bySize || byWeight || (d.lines.length === 1 && isNumberedHeadingLine(first, flowOf(first)))) &&
      headingWords(first.text, first.bold) &&
      !contentsEntry(d);
  }
  markIsolatedHeadings(pages, drafts, stats, flowOf);
  // "capacity-" "building": the hyphen stays where the document writes the compound whole elsewhere.
  const words = vocabularyOf(pages.flatMap((lines) => lines.map((l) => l.text)));
  for (const d of drafts)
    d.joins = d.joins.map((j, i) =>
      j === 'drop-hyphen' ? joinInDocument(d.lines[i]!.text, d.lines[i + 1]!.text, words) : j,
    );
  return drafts;
}

/** A contents entry's page number at a line's end: "… 12", "… iv". */
const PAGE_REF_END = /\s(\d{1,4}|[ivxlc]{1,6})$/;
/** Dot leaders leading the eye to a page number. */
const LEADERS = /(\.\s?){3}|…|(·\s?){3}/;
/** A list's or a form's label before a line's words: "J) ", "1. ", "(a) ", "IV. ". */
const LEADING_LABEL = /^\(?[\p{L}\d]{1,4}(\.\d{1,3})*[.)]\s+/u;
/** Words that start as a title does: the first letter a capital or a letter of an uncased script. */
const TITLE_START = /^[^\p{L}]*[\p{Lu}\p{Lt}\p{Lo}]/u;
/**
 * Whether a line marked by its type (size or weight) has a heading's words: it holds a letter (not a form's box
 * number "5", a row of dots, a bullet or "123321"), and, in plain type, starts as a title does after any label:
 * a larger plain size also sets a form's labels ("n° d'identification national", "J) indemnisation par…",
 * "1. salaires payés…"). Bold headings may be names written in lower case ("buildbot automation", "xpcshell (X)").
 */
const headingWords = (text: string, bold: boolean) =>
  /\p{L}/u.test(text) && (bold || TITLE_START.test(text.replace(LEADING_LABEL, '')));
const CLAUSE_END = /[.,;:!?…。，；：！？،؛؟-]["'”’»)\]]*$/u;

/**
 * Headings set in the body's own type: one short line standing alone between paragraph gaps, with a body
 * paragraph after it ("Scope of application", a centred "Preamble"). Size and weight say nothing here;
 * isolation does. Not a heading: a line of the body's measure, a clause or sentence ("…as follows:"), a
 * list item, smaller type (captions, notes), or a short line followed by more short lines (an address, a
 * table's rows, a signature block).
 */
function markIsolatedHeadings(
  pages: PdfLine[][],
  drafts: ParagraphDraft[],
  stats: Stats,
  flowOf: (l: PdfLine) => { left: number; right: number },
): void {
  const draftOf = new Map<PdfLine, ParagraphDraft>();
  for (const d of drafts) for (const l of d.lines) draftOf.set(l, d);
  const gap = (a: PdfLine, b: PdfLine) => (b.baseline - a.baseline) / b.size > stats.pitch + GAP_EXTRA_EM;
  for (const lines of pages) {
    lines.forEach((line, i) => {
      const d = draftOf.get(line);
      if (!d || d.isHeading || d.lines.length !== 1 || line.cell !== undefined) return;
      const text = line.text;
      if (text.length < 3 || text.length > 80 || !TITLE_START.test(text) || CLAUSE_END.test(text)) return;
      if (MARKER.test(text) || line.size < stats.bodySize * (1 - STYLE_SIZE_TOLERANCE)) return;
      const f = flowOf(line);
      if (line.w > 0.75 * (f.right - f.left)) return;
      // The nearest lines of the same flow (a few steps at most: flows are read one after the other).
      const near = (step: number) => {
        for (let j = i + step, n = 0; j >= 0 && j < lines.length && n < 20; j += step, n++) {
          const l = lines[j]!;
          if (l.flow === line.flow && l.aside === line.aside) return l;
        }
        return undefined;
      };
      const before = near(-1);
      const after = near(1);
      if (!after || (before && !gap(before, line)) || !gap(line, after)) return;
      const next = draftOf.get(after);
      if (!next || next.isHeading || next.lines.length < 2) return;
      d.isHeading = true;
    });
  }
}
