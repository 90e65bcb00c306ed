/**
 * CJK text has no spaces between words, so SQLite's unicode61 tokenizer would index a whole sentence as
 * one token. We split Han, Hiragana, Katakana and Hangul characters into one-character tokens at index
 * time and at query time alike; a query word then becomes a phrase of consecutive characters, which is
 * an exact substring match of any length (1- and 2-character words included, unlike a trigram index).
 */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_ALL = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/gu;

/** Whether the text contains at least one CJK character. */
export const hasCjk = (text: string) => CJK.test(text);

/** Surrounds every CJK character with spaces so the tokenizer sees each one as a token. */
export function splitCjk(text: string): string {
  if (!hasCjk(text)) return text;
  return text.replace(CJK_ALL, ' $1 ');
}

/** Sort and prefix key of a title: compatibility-normalized, accents removed, lower case. */
export const titleKey = (title: string) =>
  title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
