/**
 * Light stemming of a folded Arabic word (after foldWord: no tashkeel or tatweel, alef forms → ا,
 * ى → ي, ة → ه), in the manner of Larkey's light10: one definite-article prefix, with the
 * conjunction و or a preposition before it (وال بال كال فال لل ال…), then common suffixes (dual, plural,
 * feminine and pronoun endings), each only when at least two letters stay. Unlike light10 a bare leading
 * و is kept: it is as often the first letter of the word (وزارة "ministry") as "and", and stripping it
 * made وزارة and الوزارة stem differently. Light stemming rather than root extraction: roots conflate words of
 * very different meaning (كتب "books" and مكتب "office"), which hurts precision in policy texts.
 */
const PREFIXES = ['وبال', 'وكال', 'وفال', 'ولل', 'وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];
const ARABIC_LETTERS = /^[\u0621-\u064a]+$/u;

export function arabicLightStem(word: string): string {
  if (!ARABIC_LETTERS.test(word)) return word;
  let w = word;
  for (const p of PREFIXES)
    if (w.startsWith(p) && w.length - p.length >= 2) {
      w = w.slice(p.length);
      break;
    }
  for (const s of SUFFIXES) if (w.endsWith(s) && w.length - s.length >= 2) w = w.slice(0, -s.length);
  return w;
}
