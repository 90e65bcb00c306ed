import type Database from 'better-sqlite3';
import { alignedTerms } from '../../../domain/text-analysis/index.ts';

/**
 * The Arabic marks (tashkeel, Quranic annotation signs, superscript alef) unicode61 would otherwise
 * split a word on: declared token characters of the paragraph index, so "الْأَمْنُ" stays one token,
 * as the domain's analysis reads it (domain/text-analysis/analyse.ts, TOKEN).
 */
const ARABIC_MARKS = [
  [0x610, 0x61a],
  [0x64b, 0x65f],
  [0x670, 0x670],
  [0x6d6, 0x6ed],
]
  .flatMap(([from, to]) => Array.from({ length: to! - from! + 1 }, (_, i) => String.fromCodePoint(from! + i)))
  .join('');

/** The paragraph index's tokenizer: analysed terms are plain words (no Porter), Arabic marks kept inside words. */
export const PARAGRAPH_TOKENIZER = `unicode61 remove_diacritics 2 tokenchars '${ARABIC_MARKS}'`;
/** The entity and word indexes' tokenizer: their text is analysed terms already. */
export const TERM_TOKENIZER = 'unicode61 remove_diacritics 2';

/**
 * `cp_aligned_terms(text, language)`: the paragraph index's triggers call it, so whichever connection
 * writes paragraphs must have it (openDatabase registers it on every writable connection).
 * Deterministic: the delete trigger recomputes exactly the terms the insert wrote.
 */
export function registerAnalysisFunctions(sqlite: Database.Database): void {
  sqlite.function('cp_aligned_terms', { deterministic: true }, (text: unknown, language: unknown) =>
    alignedTerms(String(text ?? ''), typeof language === 'string' ? language : null),
  );
}
