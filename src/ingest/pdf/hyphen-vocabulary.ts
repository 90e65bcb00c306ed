/**
 * A hyphen at a line end is either a break inside a word ("coopera-" "tion") or the hyphen of a compound
 * that the line happened to break at ("capacity-" "building"). Browsers and word processors without
 * automatic hyphenation only ever produce the second kind, and text alone cannot tell them apart; the rest
 * of the document can: a compound is usually written again, unbroken, somewhere else.
 */
import { type Join, joinFor } from './paragraphs.ts';

const WORD = /[\p{L}\p{N}]+(?:[-\u2010][\p{L}\p{N}]+)*/gu;

/** Every word of the lines, lower-cased, hyphenated compounds both whole and as the joined spelling. */
export function vocabularyOf(texts: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const t of texts) for (const m of t.toLowerCase().matchAll(WORD)) words.add(m[0]);
  return words;
}

/** `joinFor`, corrected by what the document writes elsewhere. */
export function joinInDocument(prev: string, next: string, words: Set<string>): Join {
  const join = joinFor(prev, next);
  if (join !== 'drop-hyphen') return join;
  const head = (prev.slice(prev.lastIndexOf(' ') + 1, -1).match(/[\p{L}\p{N}-]+$/u)?.[0] ?? '').toLowerCase();
  const tail = (next.split(' ')[0]?.match(/^[\p{L}\p{N}-]+/u)?.[0] ?? '').toLowerCase();
  // "points-" "of-contact": the rest is itself a compound, so the hyphen is one of its joints.
  if (tail.includes('-')) return 'keep-hyphen';
  if (words.has(`${head}-${tail}`) && !words.has(`${head}${tail}`)) return 'keep-hyphen';
  return join;
}
