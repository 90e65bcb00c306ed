/** Text normalisation shared by every extractor, so that offsets mean the same thing for every kind of file. */

// C0/C1 controls, zero-width space, BOM and soft hyphen carry no visible text and break search and quoting.
// ZWNJ/ZWJ (U+200C/D) stay: Persian and Indic spelling depends on them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point here.
const INVISIBLE = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\u00ad\u200b\u2060\ufeff]/g;
const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/** NFC, invisible characters removed, every run of white space one space, trimmed. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

export { PARAGRAPH_SEPARATOR } from '../domain/anchoring/file-text.ts';
