/**
 * Language detection: franc-min (trigrams, 82 languages) for alphabetic scripts, Unicode script ranges for
 * scripts franc handles poorly on short texts (Han, Kana, Hangul, Arabic). Returns ISO 639-1 codes.
 */
import { franc } from 'franc-min';

/** ISO 639-3 (as franc returns them) → ISO 639-1. Covers the six UN languages and the common others. */
const ISO3_TO_1: Record<string, string> = {
  eng: 'en',
  fra: 'fr',
  spa: 'es',
  rus: 'ru',
  arb: 'ar',
  cmn: 'zh',
  deu: 'de',
  por: 'pt',
  ita: 'it',
  nld: 'nl',
  pol: 'pl',
  ukr: 'uk',
  tur: 'tr',
  jpn: 'ja',
  kor: 'ko',
  ind: 'id',
  zlm: 'ms',
  vie: 'vi',
  hin: 'hi',
  ben: 'bn',
  urd: 'ur',
  pes: 'fa',
  ron: 'ro',
  ces: 'cs',
  hun: 'hu',
  swe: 'sv',
  ell: 'el',
  bul: 'bg',
  srp: 'sr',
  hrv: 'hr',
  bos: 'bs',
  slk: 'sk',
  bel: 'be',
  kaz: 'kk',
  uzn: 'uz',
  azj: 'az',
  swh: 'sw',
  tha: 'th',
  heb: 'he',
  amh: 'am',
  tgl: 'tl',
  hau: 'ha',
  yor: 'yo',
  ibo: 'ig',
  zul: 'zu',
  som: 'so',
  mar: 'mr',
  tel: 'te',
  tam: 'ta',
  guj: 'gu',
  kan: 'kn',
  mal: 'ml',
  pan: 'pa',
  nep: 'ne',
  sin: 'si',
  khm: 'km',
  mya: 'my',
  aka: 'ak',
  kin: 'rw',
  mad: 'mad',
  nya: 'ny',
  ceb: 'ceb',
  ilo: 'ilo',
};

/**
 * Below this many letters franc's trigram statistics are noise (its own default minimum is 10 characters,
 * and on 10–20 letter samples it confuses the Romance languages often); we would rather say "unknown".
 */
const MIN_LETTERS = 20;
/**
 * Only the first characters are looked at: franc's accuracy stops improving after a few hundred characters,
 * while its time keeps growing with the length (trigram counting dominates extraction time otherwise).
 */
const FILE_SAMPLE = 2000;
const PARAGRAPH_SAMPLE = 160;

/** The six UN languages first: a per-paragraph guess is restricted to these plus the file's language. */
const UN_ISO3 = ['eng', 'fra', 'spa', 'rus', 'arb', 'cmn'];

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/gu;
const KANA = /[\u3040-\u30ff]/gu;
const HANGUL = /[\uac00-\ud7af\u1100-\u11ff]/gu;
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/gu;
const LETTER = /\p{L}/gu;
const ANY_SPECIAL_SCRIPT =
  /[\u0600-\u06ff\u0750-\u077f\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\ufb50-\ufdff\ufe70-\ufeff]/u;

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/** Script short-circuit: a text that is mostly Han/Kana/Hangul/Arabic letters is decided by script. */
function byScript(sample: string, letters: number): string | null {
  const han = count(sample, HAN);
  const kana = count(sample, KANA);
  const hangul = count(sample, HANGUL);
  const arabic = count(sample, ARABIC);
  // Japanese mixes Han with Kana; any real share of Kana means Japanese.
  if (kana > 0 && kana + han >= letters * 0.5 && kana >= (kana + han) * 0.1) return 'ja';
  if (hangul >= letters * 0.5) return 'ko';
  if (han >= letters * 0.5) return 'zh';
  // Persian and Urdu share the script; franc-min tells them apart from Arabic when there is enough text.
  if (arabic >= letters * 0.5) {
    if (letters < 60) return 'ar';
    const guess = franc(sample, { only: ['arb', 'pes', 'urd'] });
    return ISO3_TO_1[guess] ?? 'ar';
  }
  return null;
}

export interface DetectOptions {
  /** ISO 639-1 code of the whole file: a short paragraph is then judged among fewer candidates. */
  fileLanguage?: string | null;
}

/** ISO 639-1 code of the text, or null when it is too short (or too mixed) to tell. */
export function detectLanguage(text: string, options: DetectOptions = {}): string | null {
  const max = options.fileLanguage === undefined ? FILE_SAMPLE : PARAGRAPH_SAMPLE;
  const sample = text.length > max ? text.slice(0, max) : text;
  if (sample.length < MIN_LETTERS && !ANY_SPECIAL_SCRIPT.test(sample)) return null;
  const letters = count(sample, LETTER);
  // CJK scripts carry a lot per character, so they short-circuit before the length check.
  const scripted = letters > 0 && ANY_SPECIAL_SCRIPT.test(sample) ? byScript(sample, letters) : null;
  if (scripted) return letters >= 2 ? scripted : null;
  if (letters < MIN_LETTERS) return null;
  let only: string[] | undefined;
  if (options.fileLanguage !== undefined) {
    // Paragraph mode: a restricted candidate set is both faster and far less noisy on short texts.
    const fileIso3 = Object.entries(ISO3_TO_1).find(([, v]) => v === options.fileLanguage)?.[0];
    only = fileIso3 && !UN_ISO3.includes(fileIso3) ? [...UN_ISO3, fileIso3] : UN_ISO3;
  }
  const guess = franc(sample, { minLength: MIN_LETTERS, only });
  if (guess === 'und') return null;
  return ISO3_TO_1[guess] ?? null;
}
