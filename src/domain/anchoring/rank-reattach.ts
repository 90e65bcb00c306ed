import type { AnchorSelectors } from './resolve-anchor.ts';

/** How many paragraphs a re-attach proposes (issue 10: "the five suggested paragraphs"). */
export const REATTACH_CANDIDATES = 5;

type Block = { start: number; end: number; text: string };

const wordsOf = (text: string) => text.toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

const counts = (items: string[]) => {
  const m = new Map<string, number>();
  for (const w of items) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
};

/** Shared items of two bags, each counted as often as the rarer side has it. */
const overlap = (a: Map<string, number>, b: Map<string, number>) => {
  let n = 0;
  for (const [w, k] of a) n += Math.min(k, b.get(w) ?? 0);
  return n;
};

const pairsOf = (words: string[]) => words.slice(1).map((w, i) => `${words[i]} ${w}`);

/**
 * Ranks the paragraphs of a file's new version by how well each could hold a lost quote, for an editor to
 * choose from (never to attach by itself: decision 45+settings-site). A paragraph scores by the quote's
 * words it holds (recall over the quote, counted with repeats), its word pairs (order matters, so a
 * paragraph of the same words in another order ranks lower), and the quote's context words, which
 * separate near-identical numbered paragraphs. Scores are in [0, 1]; paragraphs sharing nothing are left out.
 */
export function rankReattachParagraphs<P extends Block>(
  quote: Pick<AnchorSelectors, 'exact' | 'prefix' | 'suffix'>,
  paragraphs: readonly P[],
  limit = REATTACH_CANDIDATES,
): (P & { score: number })[] {
  const qWords = wordsOf(quote.exact);
  const qCounts = counts(qWords);
  const qPairs = counts(pairsOf(qWords));
  const context = counts([...wordsOf(quote.prefix), ...wordsOf(quote.suffix)]);
  const contextSize = [...context.values()].reduce((a, b) => a + b, 0);
  const scored = paragraphs.map((p) => {
    const pWords = wordsOf(p.text);
    const words = qWords.length ? overlap(qCounts, counts(pWords)) / qWords.length : 0;
    const pairTotal = Math.max(1, qWords.length - 1);
    const pairs = overlap(qPairs, counts(pairsOf(pWords))) / pairTotal;
    const ctx = contextSize ? overlap(context, counts(pWords)) / contextSize : 0;
    // A paragraph much longer than the quote holds its words by chance more often: a mild length penalty.
    const lengthRatio = Math.min(1, (qWords.length + 8) / Math.max(1, pWords.length));
    const score = 0.45 * words + 0.4 * pairs + 0.1 * ctx + 0.05 * lengthRatio;
    return { ...p, score: words === 0 ? 0 : Math.round(score * 1000) / 1000 };
  });
  return scored
    .filter((p) => p.score > 0)
    .sort((a, b) => b.score - a.score || a.start - b.start)
    .slice(0, limit);
}
