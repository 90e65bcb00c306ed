/**
 * Folding shared by every language: what makes matching case-, accent- and spelling-variant-insensitive.
 * Runs before stemming, so a word typed without its accents ("strategiques") and the printed word
 * ("stratégiques") reach the stemmer as the same string.
 */

// Marks are removed except the breve of Russian й (a letter of its own, which the Snowball Russian
// stemmer relies on); ё is folded to е as Russian readers type it.
const MARKS = /(?<!и)\p{M}+/gu;
// Arabic: tatweel (a stretching stroke, not a letter), then the letter forms readers and OCR write
// interchangeably: alef maksura ى → ي, taa marbuta ة → ه (hamza on alef/waw/yeh is a mark after NFKD).
const TATWEEL = /\u0640/gu;
const ARABIC_FORMS: Record<string, string> = { ى: 'ي', ة: 'ه' };
const ARABIC_FORM = /[ىة]/gu;

/** One token folded: compatibility forms, lower case, no marks, Arabic letter forms unified. */
export function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .toLowerCase()
    .replace(MARKS, '')
    .replace(/ё/gu, 'е')
    .replace(TATWEEL, '')
    .replace(ARABIC_FORM, (c) => ARABIC_FORMS[c]!)
    .normalize('NFC');
}
