import type { TFunction } from 'i18next';
import { intlLocale } from '../../domain/languages.ts';
import type { FileReasonNote, FileRecord } from '../../domain/schemas/index.ts';
import { isolate } from './isolate.ts';
import { ocrLanguageName } from './ocr-language-name.ts';

/** The tools and commands a reason names, as typed on the server: the same in every language. */
const COMMANDS = {
  command: 'cyberportal reindex',
  packages: 'poppler-utils, tesseract-ocr',
};

/**
 * A file's reason in the reader's language, sentence by sentence from its codes (decision 64); its English
 * when it has no codes or one this build has no words for. Sizes, limits and durations through `Intl`.
 */
export function fileReasonText(
  file: Pick<FileRecord, 'reason' | 'reasonCodes'>,
  t: TFunction,
  lang: string,
): string | null {
  const notes = file.reasonCodes ?? [];
  if (!file.reason || notes.length === 0) return file.reason;
  const locale = intlLocale(lang);
  const sentences: string[] = [];
  for (const note of notes) {
    const key = note.code === 'ocrText' && note.params.pages !== undefined ? 'ocrTextPages' : note.code;
    if (!t(`fileReasons.${key}`, { defaultValue: '' })) return file.reason;
    sentences.push(t(`fileReasons.${key}`, valuesOf(note, t, locale)));
  }
  return sentences.join(lang === 'zh' ? '' : ' ');
}

function valuesOf(note: FileReasonNote, t: TFunction, locale: string): Record<string, string> {
  const p = note.params;
  const unit = (value: number, u: string, unitDisplay: 'short' | 'long' = 'short') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay, maximumFractionDigits: 1 }).format(
      value,
    );
  const bytes = (n: number) =>
    n >= 1024 * 1024
      ? unit(n / (1024 * 1024), 'megabyte')
      : n >= 1024
        ? unit(n / 1024, 'kilobyte')
        : unit(n, 'byte');
  const values: Record<string, string> = { ...COMMANDS };
  for (const [k, v] of Object.entries(p)) values[k] = String(v);
  if (values.language) values.language = ocrLanguageName(values.language, locale);
  // A tool's own words and names keep their direction inside a sentence of another.
  for (const k of ['detail', 'tool', 'language']) if (values[k]) values[k] = isolate(values[k]);
  if (note.code === 'diskFull') values.command = 'cyberportal reindex';
  if (note.code === 'ocrMissingTool') values.command = 'cyberportal ocr FILE_ID';
  if (note.code === 'tooLarge') {
    values.size = bytes(Number(p.size));
    values.max = bytes(Number(p.max));
  }
  if (note.code === 'docxTooBig' || note.code === 'tooMuchMemory')
    values.max = unit(Number(p.max), 'megabyte');
  if (note.code === 'tooManyParagraphs') {
    values.paragraphs = new Intl.NumberFormat(locale).format(Number(p.count));
    values.max = new Intl.NumberFormat(locale).format(Number(p.max));
  }
  // Page lists ("2, 3") with the reader's own list comma.
  if (p.pages !== undefined)
    values.pages = String(p.pages).replace(
      /, /g,
      locale.startsWith('zh') ? '、' : locale.startsWith('ar') ? '، ' : ', ',
    );
  if (p.seconds !== undefined) values.duration = unit(Number(p.seconds), 'second', 'long');
  if (note.code === 'unsupportedKind')
    values.what = t(`fileReasons.what.${String(p.what)}`, { defaultValue: String(p.what) });
  return values;
}
