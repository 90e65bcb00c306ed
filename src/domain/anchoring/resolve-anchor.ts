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

// Candidate weights from Hypothesis's match-quote: the quote itself dominates, context on either side
// decides between repeats, and the old position only breaks ties (text often moves by whole sections).
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 20;
const POSITION_WEIGHT = 2;
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
 * Finds `anchor` in `text`: the stored offsets when the quote there still agrees (whitespace ignored), else
 * the best exact occurrence of the quote, else the best approximate one. `null` means orphaned: the caller
 * keeps the anchor and shows it as such; it is never moved to a guess.
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
      if (there === exact || (quote.length > 0 && withoutWhitespace(there) === quote))
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
    hint: toStrippedOffset(stripped, Math.max(0, anchor.start)),
  };

  const exactHits: { from: number; to: number; errors: number }[] = [];
  for (let at = stripped.text.indexOf(quote); at !== -1; at = stripped.text.indexOf(quote, at + 1)) {
    exactHits.push({ from: at, to: at + quote.length, errors: 0 });
    if (exactHits.length >= MAX_EXACT_CANDIDATES) break;
  }
  const exactBest = pickBest(stripped, quote, context, exactHits);
  if (exactBest) return { ...toOriginalRange(stripped, exactBest.from, exactBest.to), method: 'quote' };

  // Approximate search costs one scan of the text per quote piece, so look near the old position first
  // (edits before a passage shift it only a little) and scan the whole text only when nothing close and
  // clearly similar is found there.
  const k = maxQuoteErrors(quote.length);
  const radius = 2 * quote.length + NEARBY_CHARACTERS;
  const from = Math.max(0, context.hint - radius);
  const nearby = searchApproximate(stripped.text.slice(from, context.hint + radius), quote, k).map((m) => ({
    from: from + m.start,
    to: from + m.end,
    errors: m.errors,
  }));
  const nearBest = pickBest(stripped, quote, context, nearby);
  if (nearBest && nearBest.errors <= k / 2)
    return { ...toOriginalRange(stripped, nearBest.from, nearBest.to), method: 'fuzzy' };
  const everywhere = searchApproximate(stripped.text, quote, k).map((m) => ({
    from: m.start,
    to: m.end,
    errors: m.errors,
  }));
  const fuzzyBest = pickBest(stripped, quote, context, everywhere);
  if (fuzzyBest) return { ...toOriginalRange(stripped, fuzzyBest.from, fuzzyBest.to), method: 'fuzzy' };
  return null;
}

type Candidate = { from: number; to: number; errors: number };
type Context = { prefix: string; suffix: string; hint: number };

/** Similarity in [0, 1] of stored context with the text found beside a candidate. */
function contextSimilarity(expected: string, found: string) {
  if (expected.length === 0) return 1;
  return 1 - Math.min(1, editDistance(expected, found) / expected.length);
}

/** The highest-scoring candidate, or null when none is plausible. */
function pickBest(stripped: StrippedText, quote: string, ctx: Context, candidates: Candidate[]) {
  let best: (Candidate & { score: number }) | null = null;
  for (const c of candidates) {
    const prefix = contextSimilarity(
      ctx.prefix,
      stripped.text.slice(Math.max(0, c.from - ctx.prefix.length), c.from),
    );
    const suffix = contextSimilarity(ctx.suffix, stripped.text.slice(c.to, c.to + ctx.suffix.length));
    const hasContext = ctx.prefix.length > 0 || ctx.suffix.length > 0;
    if (quote.length < SHORT_QUOTE && hasContext && Math.max(prefix, suffix) < 0.5) continue;
    const distance = Math.abs(c.from - ctx.hint) / Math.max(1, stripped.text.length);
    const score =
      QUOTE_WEIGHT * (1 - c.errors / quote.length) +
      CONTEXT_WEIGHT * prefix +
      CONTEXT_WEIGHT * suffix +
      POSITION_WEIGHT * (1 - distance);
    if (!best || score > best.score) best = { ...c, score };
  }
  return best;
}
