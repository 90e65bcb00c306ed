/**
 * Text-layer fixes for glyphs whose Unicode mapping in the PDF is not the text the reader sees. pdf.js takes
 * a glyph's code point from the font (its ToUnicode map or cmap); fonts that draw a CJK radical and the
 * ideograph it looks like with one glyph (Noto CJK: ⻛ U+2EDB and 风 U+98CE) let the writer pick the radical,
 * so 风险 comes out ⻛险 and cannot be found. Arabic comes out in presentation forms (ﻣﻘﺪﻣﺔ for مقدمة),
 * which search and quoting treat as other letters.
 */

/**
 * CJK Radicals Supplement (U+2E80–2EFF) → the unified ideograph drawn with the same glyph. NFKC folds only
 * two of these (⻟, ⻳); the Kangxi radicals (U+2F00–2FDF) all fold by NFKC. Derived from the cmaps of
 * Debian's Noto Sans CJK and Noto Serif CJK (all five regions): a radical is listed when its code point and
 * one unified ideograph share a glyph, which is exactly when a writer can emit the radical for the ideograph
 * (radicals with a glyph of their own are real radicals and stay). Pairs: radical, ideograph. One Kangxi
 * radical is listed too: ⼾ (U+2F3E) shares its glyph with 户 in the Simplified Chinese font but NFKC folds it
 * to the traditional 戶; UN Chinese is simplified.
 */
const SUPPLEMENT_PAIRS =
  '⺂乛⺃乚⺅亻⺇𠘨⺉刂⺋㔾⺍𭕄⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬⺤爫⺦丬⺨犭⺩𤣩⺫罒⺭礻⺮𥫗⺯糹⺰纟⺱罓⺲罒⺳㓁⺹耂⺺肀⺽𦥑⺾艹⺿艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻇𧢲⻈讠⻉贝⻊𧾷⻋车⻌辶⻍辶⻎辶⻐钅⻑長⻒镸⻓长⻔门⻕𨸏⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻞𩙿⻟飠⻠饣⻡𩠐⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟⼾户';

const SUPPLEMENT = new Map<string, string>();
{
  const chars = [...SUPPLEMENT_PAIRS];
  for (let i = 0; i + 1 < chars.length; i += 2) SUPPLEMENT.set(chars[i]!, chars[i + 1]!);
}

const RADICAL = /[\u2e80-\u2fdf]/gu;
/** Arabic presentation forms A and B: contextual shapes of letters, which NFKC folds to the letters. */
const ARABIC_FORMS = /[\ufb50-\ufdff\ufe70-\ufefc]+/gu;

/** A text item's string with radicals and Arabic presentation forms folded to the letters they show. */
export function foldGlyphText(text: string): string {
  return text
    .replace(RADICAL, (c) => SUPPLEMENT.get(c) ?? (c >= '\u2f00' ? c.normalize('NFKC') : c))
    .replace(ARABIC_FORMS, (run) => run.normalize('NFKC'));
}
