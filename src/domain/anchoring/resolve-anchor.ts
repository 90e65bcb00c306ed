import type { Anchor } from '../schemas/reference.ts';
import { editDistance, searchApproximate } from './approximate-search.ts';
import {
  type StrippedText,
  stripWhitespace,
  toOriginalRange,
  toStrippedOffset,
  withoutWhitespace,
} from './whitespace-map.ts';

/** How an anchor was found again: at its stored offsets, by its exact quote, or by an approximate quote. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

/** Where an anchor lies in a (possibly changed) text. */
export type ResolvedAnchor = { start: number; end: number; method: AnchorMethod };

/** The fields of an anchor that resolving reads. */
export type AnchorSelectors = Pick<Anchor, 'start' | 'end' | 'exact' | 'prefix' | 'suffix'>;

/** Most edits tolerated: a quarter of the quote, at most 32 (more and unrelated passages start to match). */
export const maxQuoteErrors = (quoteLength: number) => Math.min(32, Math.floor(quoteLength / 4));
/**
 * Below this many characters a quote alone proves little ("the", "Article 2"), so a match found by searching
 * must also agree with at least half of the stored prefix or suffix, when there was any.
 */
const SHORT_QUOTE = 16;
const MAX_EXACT_CANDIDATES = 1_000;
/** Characters (whitespace-free) searched on each side of the old position before the whole text. */
const NEARBY_CHARACTERS = 8_192;

/**
 * Finds `anchor` in `text`: the stored offsets when the quote and its context there still agree (whitespace
 * ignored), else the clearly best exact occurrence of the quote, else the clearly best approximate one.
 * `null` means orphaned: nothing plausible, only a weak match (an edited quote in changed surroundings), or
 * several places about equally good (near-identical paragraphs). The caller keeps the anchor and shows it
 * as such; it is never moved to a guess, and the old position never breaks a tie.
 */
export function resolveAnchor(text: string, anchor: AnchorSelectors): ResolvedAnchor | null {
  return createAnchorResolver(text)(anchor);
}

/**
 * `resolveAnchor` for many anchors on one text: the whitespace-free copy of the text is built once, on the
 * first anchor that needs a search, instead of once per anchor.
 */
export function createAnchorResolver(text: string): (anchor: AnchorSelectors) => ResolvedAnchor | null {
  let strippedText: StrippedText | null = null;
  return (anchor) => {
    const { start, end, exact } = anchor;
    const quote = withoutWhitespace(exact);
    if (start >= 0 && end <= text.length && start < end) {
      const there = text.slice(start, end);
      // The quote alone at the old offsets is not enough: when paragraphs before it were removed, a
      // near-identical paragraph can slide into exactly those offsets. Its context must agree as well.
      if (
        (there === exact || (quote.length > 0 && withoutWhitespace(there) === quote)) &&
        contextAgreesAt(text, start, end, anchor)
      )
        return { start, end, method: 'position' };
    }
    if (quote.length === 0) return null;
    strippedText ??= stripWhitespace(text);
    return searchQuote(strippedText, quote, anchor);
  };
}

/** The exact, then approximate, quote search over whitespace-free text. */
function searchQuote(stripped: StrippedText, quote: string, anchor: AnchorSelectors): ResolvedAnchor | null {
  const context = {
    prefix: withoutWhitespace(anchor.prefix),
    suffix: withoutWhitespace(anchor.suffix),
  };

  const exactHits: Candidate[] = [];
  for (let at = stripped.text.indexOf(quote); at !== -1; at = stripped.text.indexOf(quote, at + 1)) {
    exactHits.push({ from: at, to: at + quote.length, errors: 0 });
    if (exactHits.length >= MAX_EXACT_CANDIDATES) break;
  }
  if (exactHits.length > 0) {
    // An approximate search would only find the same places again, less exactly: the exact hits decide.
    const exact = pickBest(stripped, quote, context, exactHits);
    return exact ? { ...toOriginalRange(stripped, exact.from, exact.to), method: 'quote' } : null;
  }

  // Approximate search costs one scan of the text per quote piece, so look near the old position first
  // (edits before a passage shift it only a little) and scan the whole text only when nothing close and
  // clearly similar is found there. A tie near the old position is a tie everywhere: orphaned at once.
  const k = maxQuoteErrors(quote.length);
  const hint = toStrippedOffset(stripped, Math.max(0, anchor.start));
  const radius = 2 * quote.length + NEARBY_CHARACTERS;
  const from = Math.max(0, hint - radius);
  const nearby = searchApproximate(stripped.text.slice(from, hint + radius), quote, k).map((m) => ({
    from: from + m.start,
    to: from + m.end,
    errors: m.errors,
  }));
  const near = judge(stripped, quote, context, nearby);
  if (near.ambiguous) return null;
  if (near.best && near.best.errors <= k / 2)
    return { ...toOriginalRange(stripped, near.best.from, near.best.to), method: 'fuzzy' };
  const everywhere = searchApproximate(stripped.text, quote, k).map((m) => ({
    from: m.start,
    to: m.end,
    errors: m.errors,
  }));
  const fuzzy = pickBest(stripped, quote, context, everywhere);
  return fuzzy ? { ...toOriginalRange(stripped, fuzzy.from, fuzzy.to), method: 'fuzzy' } : null;
}

type Candidate = { from: number; to: number; errors: number };
type Context = { prefix: string; suffix: string };
type Judged = Candidate & { mismatch: number; prefix: number; suffix: number };

/** Does the stored context (whitespace ignored) still stand right before and after `[start, end)`? */
function contextAgreesAt(text: string, start: number, end: number, anchor: AnchorSelectors) {
  const prefix = withoutWhitespace(anchor.prefix);
  const suffix = withoutWhitespace(anchor.suffix);
  // Twice the stored length leaves room for whitespace the new text added.
  const before = withoutWhitespace(text.slice(Math.max(0, start - 2 * anchor.prefix.length), start));
  const after = withoutWhitespace(text.slice(end, end + 2 * anchor.suffix.length));
  return before.endsWith(prefix) && after.startsWith(suffix);
}

/** Edits between the stored context and the text found beside a candidate, with the similarity in [0, 1]. */
function contextEdits(expected: string, found: string) {
  if (expected.length === 0) return { edits: 0, similarity: 1 };
  const edits = editDistance(expected, found);
  return { edits, similarity: 1 - Math.min(1, edits / expected.length) };
}

/**
 * Scores every plausible candidate by its mismatch (edits in the quote plus edits in its prefix and suffix)
 * and says whether the best one is clearly the best. Another place, not overlapping it, whose mismatch is
 * within `tieMargin` of the best one's matches about equally well: then no place is chosen (a near-identical
 * paragraph, or a passage removed between two repeats of it, must never get the connection).
 */
function judge(stripped: StrippedText, quote: string, ctx: Context, candidates: Candidate[]) {
  const hasContext = ctx.prefix.length > 0 || ctx.suffix.length > 0;
  const judged: Judged[] = [];
  for (const c of candidates) {
    const prefix = contextEdits(
      ctx.prefix,
      stripped.text.slice(Math.max(0, c.from - ctx.prefix.length), c.from),
    );
    const suffix = contextEdits(ctx.suffix, stripped.text.slice(c.to, c.to + ctx.suffix.length));
    const agreement = Math.max(prefix.similarity, suffix.similarity);
    if (quote.length < SHORT_QUOTE && hasContext && agreement < 0.5) continue;
    // Weak: an edited quote whose surroundings changed too is as likely another passage as this one.
    if (c.errors > 0 && hasContext && agreement < 0.5) continue;
    judged.push({
      ...c,
      mismatch: c.errors + prefix.edits + suffix.edits,
      prefix: prefix.similarity,
      suffix: suffix.similarity,
    });
  }
  judged.sort((a, b) => a.mismatch - b.mismatch || a.from - b.from);
  const best = judged[0] ?? null;
  if (!best) return { best: null, ambiguous: false };
  const margin = tieMargin(best.mismatch);
  const ambiguous = judged.some(
    (c) => c !== best && (c.to <= best.from || c.from >= best.to) && c.mismatch - best.mismatch < margin,
  );
  return { best, ambiguous };
}

/**
 * How much worse than the best a rival must be for the best to count as found. A perfect match (quote and
 * context unchanged) beats any imperfect one; an imperfect best needs a clear lead: 2 edits, or a quarter
 * of its own mismatch, whichever is more (one differing digit is not a lead when the best is itself edited).
 */
const tieMargin = (bestMismatch: number) =>
  bestMismatch === 0 ? 1 : Math.max(2, Math.ceil(bestMismatch / 4));

/** The clearly best plausible candidate, or null when none is plausible or several are about as good. */
function pickBest(stripped: StrippedText, quote: string, ctx: Context, candidates: Candidate[]) {
  const { best, ambiguous } = judge(stripped, quote, ctx, candidates);
  return ambiguous ? null : best;
}
