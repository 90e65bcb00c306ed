import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { stem as english } from 'porter2';
import { arabicLightStem } from './arabic.ts';
import { foldWord } from './fold.ts';

/*
 * The analysis both search engines index and query with (docs/ARCHITECTURE.md, the search-per-language
 * decision): text → tokens → one term per token. The engines store the terms as plain words (FTS5's
 * unicode61 without Porter, PostgreSQL's `simple` configuration), so what matches is decided here once.
 *
 * The script of a word picks its analysis where the script says the language: Arabic letters get the
 * Arabic normalisation and light stemming, Cyrillic the Russian stemmer (the one UN language written in
 * it), Han/Kana/Hangul are kept for the engine to index character by character. Latin words are stemmed
 * by the paragraph's (or entity's) language when it is English, French or Spanish, and only folded
 * otherwise: an unknown language is not guessed at.
 */

/**
 * Languages with a stemmer for Latin-script words: Snowball's, French and Spanish from @orama/stemmers,
 * English from porter2 (Snowball English; @orama/stemmers's English is a Porter variant that cuts
 * "protection" to "protec" but "protecting" to "protect").
 */
const LATIN_STEMMERS: Record<string, (word: string) => string> = {
  en: english,
  fr: french,
  es: spanish,
};

/**
 * What a token is: letters, digits, private-use characters and the combining marks FTS5's unicode61
 * keeps inside a token (Latin diacritics; Arabic tashkeel is added to the index's `tokenchars`). The
 * same boundaries as the FTS5 paragraph index, whose snippets map term positions back onto the
 * original text token by token.
 */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: combining marks are listed on purpose, as token characters
const TOKEN = /[\p{L}\p{N}\p{Co}\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_ALL = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/gu;
const ARABIC = /[\u0621-\u064a]/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** The base language of a stored code ('fr-CA' → 'fr'), or '' for none. */
export const baseLanguage = (code: string | null | undefined): string =>
  (code ?? '').toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * Terms already computed, by language and word: texts repeat their words (Zipf), and folding plus a
 * Snowball stemmer cost ~5 µs a word, most of the analysis. Emptied when it grows past CACHE_WORDS.
 */
const cache = new Map<string, Map<string, string>>();
const CACHE_WORDS = 200_000;
let cached = 0;

// A stored language code → the Latin stemmer it picks ('' for none), worked out once per code.
const keys = new Map<string, string>();
function stemmerKey(language: string): string {
  let key = keys.get(language);
  if (key === undefined) {
    const base = baseLanguage(language);
    key = LATIN_STEMMERS[base] ? base : '';
    if (keys.size < 1000) keys.set(language, key);
  }
  return key;
}

/** The term one word is indexed and matched as, in a text of the given language. */
export function termOf(word: string, language: string | null | undefined): string {
  const key = stemmerKey(language ?? '');
  let terms = cache.get(key);
  if (!terms) {
    terms = new Map();
    cache.set(key, terms);
  }
  let term = terms.get(word);
  if (term === undefined) {
    if (++cached > CACHE_WORDS) {
      cache.clear();
      cached = 0;
      cache.set(key, terms);
      terms.clear();
    }
    term = analyseWord(word, key);
    terms.set(word, term);
  }
  return term;
}

function analyseWord(word: string, language: string): string {
  const folded = foldWord(word);
  if (CJK.test(folded)) return folded;
  if (ARABIC.test(folded)) return arabicLightStem(folded);
  if (CYRILLIC.test(folded)) return russian(folded);
  const stem = LATIN_STEMMERS[language];
  return stem ? stem(folded) : folded;
}

export type Token = { start: number; end: number; term: string };

/** Every token of a text with its offsets in the text and its term. */
export function tokens(text: string, language: string | null | undefined): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN))
    out.push({ start: m.index, end: m.index + m[0].length, term: termOf(m[0], language) });
  return out;
}

// A term that folded away entirely (a lone mark) still takes its position, or the terms after it would
// no longer line up with the text's tokens.
const EMPTY_TERM = 'zz0';
const nonEmpty = (term: string) => term || EMPTY_TERM;

/**
 * The terms of a text, one per token in order, CJK runs kept whole: the FTS5 paragraph index, whose
 * snippet() and highlight() re-read the original text and mark its n-th token for the n-th term.
 */
export function alignedTerms(text: string, language: string | null | undefined): string {
  let out = '';
  for (const m of text.matchAll(TOKEN)) out += `${out ? ' ' : ''}${nonEmpty(termOf(m[0], language))}`;
  return out;
}

/**
 * The terms of a text with CJK characters spaced out into one-character terms: the entity indexes of
 * both engines and PostgreSQL's paragraph vectors. A Chinese word is then matched as a phrase of its
 * characters, found inside any longer word or sentence whatever a segmenter would have cut there.
 */
export function indexTerms(text: string, language: string | null | undefined): string {
  let out = '';
  for (const m of text.matchAll(TOKEN)) {
    const term = nonEmpty(termOf(m[0], language));
    out += `${out ? ' ' : ''}${CJK.test(term) ? term.replace(CJK_ALL, ' $1 ').trim().replace(/\s+/gu, ' ') : term}`;
  }
  return out;
}

/** The words of a text folded but not stemmed, CJK spaced out: what prefixes (`cyber*`) are matched on. */
export function foldedWords(text: string): string {
  let out = '';
  for (const m of text.matchAll(TOKEN)) {
    const word = nonEmpty(foldWord(m[0]));
    out += `${out ? ' ' : ''}${CJK.test(word) ? word.replace(CJK_ALL, ' $1 ').trim().replace(/\s+/gu, ' ') : word}`;
  }
  return out;
}

/** Whether a text has a CJK character. */
export const hasCjkText = (text: string) => CJK.test(text);

/**
 * The version of this analysis. Indexes record the version they were built with, and a database whose
 * index is older is rebuilt when it is opened: change it with any change to what a text is analysed as.
 */
export const ANALYSIS_VERSION = 2;
