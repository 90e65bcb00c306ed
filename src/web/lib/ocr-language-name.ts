/** Tesseract's data names for the six UN languages, as the server's OCR settings and reasons give them. */
const TESSERACT: Record<string, string> = {
  eng: 'en',
  fra: 'fr',
  spa: 'es',
  rus: 'ru',
  ara: 'ar',
  chi_sim: 'zh-Hans',
  'chi-sim': 'zh-Hans',
};

/**
 * An OCR language as the reader says it: "ara+eng" is "Arabic and English" in English, « arabe et anglais »
 * in French. A code outside the six (another tesseract data set) is left as the server gave it.
 */
export function ocrLanguageName(codes: string, locale: string): string {
  if (!codes) return codes;
  const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  const parts = codes.split('+').map((c) => {
    const bcp = TESSERACT[c.trim()];
    return bcp ? (names.of(bcp) ?? c) : c;
  });
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(parts);
}
