/**
 * Over-long paragraphs are split at ingestion, for every kind of file: search, snippets, suggestions and the
 * viewer all do work per paragraph, and one 2 MB paragraph (a text file without blank lines, a PDF table
 * read as one block) made a single search spin for minutes. Pieces are cut at a sentence end, else at a
 * line end, else between words, else anywhere (never inside a surrogate pair). The cut is deterministic, so
 * a re-extraction yields the same pieces and `stableParagraphKeys` gives them the same ids.
 */

import type { PdfLine } from './pdf/lines.ts';
import type { Join, ParagraphDraft } from './pdf/paragraphs.ts';

/**
 * Longest paragraph kept whole, in UTF-16 code units: about a page and a half of prose, longer than the
 * longest real paragraphs in the sample corpus (numbered UN paragraphs run to ~2,500), so only runaway
 * blocks are cut.
 */
export const MAX_PARAGRAPH_CHARS = 4000;

/** Sentence-ending punctuation, optionally followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?…;。！？；][)"'\]»”’]*$/;
/** Full-width sentence ends: CJK text has no space after them, the cut goes right after. */
const CJK_END = /[。！？；]/;

function endsSentence(text: string, at: number): boolean {
  return SENTENCE_END.test(text.slice(Math.max(0, at - 4), at));
}

/**
 * Cuts normalised text (single spaces) into pieces of at most `max` code units. The space a cut falls on
 * is dropped (the pieces are joined by the paragraph separator instead).
 */
export function splitText(text: string, max = MAX_PARAGRAPH_CHARS): string[] {
  if (text.length <= max) return [text];
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > max) {
    const limit = start + max;
    // Not before half the bound, so no piece is needlessly short.
    const floor = start + Math.floor(max / 2);
    let cut = -1;
    let next = -1;
    for (let i = limit; i > floor; i--) {
      if (text[i] === ' ' && endsSentence(text, i)) {
        cut = i;
        next = i + 1;
        break;
      }
      if (CJK_END.test(text[i - 1] ?? '') && text[i] !== ' ') {
        cut = i;
        next = i;
        break;
      }
    }
    if (cut < 0) {
      const space = text.lastIndexOf(' ', limit);
      if (space > start) {
        cut = space;
        next = space + 1;
      }
    }
    if (cut < 0) {
      cut = limit;
      const code = text.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
      next = cut;
    }
    pieces.push(text.slice(start, cut));
    start = next;
  }
  pieces.push(text.slice(start));
  return pieces.filter((p) => p.length > 0);
}

/**
 * A block of text that may hold hard line breaks ("\n"), cut preferably at those lines: consecutive lines
 * are grouped while the group stays within `max` once normalised; a group still too long (one huge line)
 * is cut by `splitText`. `normalize` is the extractors' whitespace normalisation.
 */
export function splitBlock(
  raw: string,
  normalize: (s: string) => string,
  max = MAX_PARAGRAPH_CHARS,
): string[] {
  const whole = normalize(raw);
  if (whole.length <= max) return whole ? [whole] : [];
  const out: string[] = [];
  let group = '';
  for (const line of raw.split('\n').map(normalize)) {
    if (!line) continue;
    if (group && group.length + 1 + line.length > max) {
      out.push(group);
      group = '';
    }
    group = group ? `${group} ${line}` : line;
  }
  if (group) out.push(group);
  return out.flatMap((g) => splitText(g, max));
}

/** The length of a draft's text once its lines are joined (as layoutText joins them). */
function draftLength(lines: PdfLine[], joins: Join[]): number {
  let n = 0;
  lines.forEach((l, i) => {
    const join = i === 0 ? 'none' : joins[i - 1];
    if (join === 'space') n += 1;
    if (join === 'drop-hyphen') n -= 1;
    n += l.text.length;
  });
  return n;
}

/** A PDF line longer than the bound, cut like text, each piece with its share of the line's width. */
function splitLine(line: PdfLine, max: number): PdfLine[] {
  const pieces = splitText(line.text, max);
  if (pieces.length === 1) return [line];
  const out: PdfLine[] = [];
  let from = 0;
  for (const text of pieces) {
    const at = line.text.indexOf(text, from);
    from = at + text.length;
    const x = line.x + (line.w * at) / line.text.length;
    out.push({ ...line, text, x, w: (line.w * text.length) / line.text.length });
  }
  return out;
}

/**
 * PDF paragraphs (drafts of lines) longer than the bound, cut between lines — after a line ending a
 * sentence when there is one in the second half of the piece — so every piece keeps its own lines, pages
 * and rectangles and the offsets computed afterwards stay exact.
 */
export function splitDrafts(drafts: ParagraphDraft[], max = MAX_PARAGRAPH_CHARS): ParagraphDraft[] {
  const out: ParagraphDraft[] = [];
  for (const d of drafts) {
    if (draftLength(d.lines, d.joins) <= max) {
      out.push(d);
      continue;
    }
    // A line longer than the bound becomes several lines, each a piece of its own.
    const lines: PdfLine[] = [];
    const joins: Join[] = [];
    const forced = new Set<number>();
    d.lines.forEach((l, i) => {
      if (i > 0) joins.push(d.joins[i - 1]!);
      const parts = splitLine(l, max);
      parts.forEach((p, j) => {
        if (j > 0) {
          joins.push('none');
          forced.add(lines.length);
        }
        lines.push(p);
      });
      if (parts.length > 1) forced.add(lines.length);
    });
    let piece: PdfLine[] = [];
    let pieceJoins: Join[] = [];
    let length = 0;
    const emit = (n: number) => {
      out.push({ lines: piece.slice(0, n), joins: pieceJoins.slice(0, n - 1), isHeading: d.isHeading });
      piece = piece.slice(n);
      pieceJoins = pieceJoins.slice(n);
      length = draftLength(piece, pieceJoins);
    };
    const joinLength = (j: Join) => (j === 'space' ? 1 : j === 'drop-hyphen' ? -1 : 0);
    lines.forEach((l, i) => {
      const join = joins[i - 1] ?? 'none';
      if (forced.has(i) && piece.length > 0) emit(piece.length);
      while (piece.length > 0 && length + joinLength(join) + l.text.length > max) {
        let n = piece.length;
        for (let k = piece.length - 1; k >= Math.ceil(piece.length / 2); k--) {
          const after = k === piece.length - 1 ? join : pieceJoins[k];
          if (after !== 'drop-hyphen' && endsSentence(piece[k]!.text, piece[k]!.text.length)) {
            n = k + 1;
            break;
          }
        }
        emit(n);
      }
      if (piece.length > 0) {
        pieceJoins.push(join);
        length += joinLength(join);
      }
      piece.push(l);
      length += l.text.length;
    });
    if (piece.length > 0) emit(piece.length);
  }
  return out;
}
