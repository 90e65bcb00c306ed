/**
 * The standard PDF fonts only encode WinAnsi (Windows-1252). Everything drawn goes through `toWinAnsi` first,
 * and the ground-truth text is taken from the mapped string, so truth and drawing never disagree.
 */
import { type PDFDocument, type PDFFont, StandardFonts } from 'pdf-lib';

/** The 0x80–0x9F code points of Windows-1252 that differ from Latin-1. */
const CP1252_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/** Replacements for common characters outside WinAnsi. */
const REPLACEMENTS: Record<string, string> = {
  '\u00a0': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u200b': '',
  '\ufeff': '',
  '\u00ad': '',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2212': '-',
  '\u2015': '—',
  '\u2032': "'",
  '\u2033': '"',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2194': '<->',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u318d': '·',
  '\u30fb': '·',
  '\u2219': '·',
  '\u25cf': '•',
  '\u25aa': '•',
  '\u2713': 'v',
  '\u201b': '‘',
  '\u201f': '“',
  '\u2116': 'No.',
  ﬁ: 'fi',
  ﬂ: 'fl',
};

function isWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  if (code >= 0x20 && code <= 0x7e) return true;
  if (code >= 0xa0 && code <= 0xff) return true;
  return CP1252_EXTRA.includes(ch);
}

/** Maps one string to characters the standard fonts can draw; unknown characters lose their accents or become '?'. */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === '\n' || ch === '\t' || ch === '\r') {
      out += ' ';
      continue;
    }
    const replacement = REPLACEMENTS[ch];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    if (isWinAnsi(ch)) {
      out += ch;
      continue;
    }
    const stripped = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    out += [...stripped].every(isWinAnsi) && stripped.length > 0 ? stripped : '?';
  }
  return out;
}

/** WinAnsi mapping plus single spaces and no leading/trailing space: the form both drawn and stored as truth. */
export function normalizeText(text: string): string {
  return toWinAnsi(text).replace(/ {2,}/g, ' ').trim();
}

export type FontFamily = 'times' | 'helvetica';
export type FontStyle = 'regular' | 'bold' | 'italic';

export interface FontSet {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  /** Helvetica for running headers and footers whatever the body face. */
  sans: PDFFont;
  sansBold: PDFFont;
}

export async function embedFonts(pdf: PDFDocument, family: FontFamily): Promise<FontSet> {
  const faces =
    family === 'times'
      ? [StandardFonts.TimesRoman, StandardFonts.TimesRomanBold, StandardFonts.TimesRomanItalic]
      : [StandardFonts.Helvetica, StandardFonts.HelveticaBold, StandardFonts.HelveticaOblique];
  const [regular, bold, italic] = await Promise.all(faces.map((f) => pdf.embedFont(f)));
  const sans = family === 'helvetica' ? regular! : await pdf.embedFont(StandardFonts.Helvetica);
  const sansBold = family === 'helvetica' ? bold! : await pdf.embedFont(StandardFonts.HelveticaBold);
  return { regular: regular!, bold: bold!, italic: italic!, sans, sansBold };
}
