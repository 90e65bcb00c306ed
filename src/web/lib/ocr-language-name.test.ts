import { describe, expect, it } from 'vitest';
import { ocrLanguageName } from './ocr-language-name.ts';

describe('OCR languages in the reader’s words', () => {
  it('names tesseract’s data sets in the reader’s language, joined as the language joins a list', () => {
    expect(ocrLanguageName('ara+eng', 'en')).toBe('Arabic and English');
    expect(ocrLanguageName('fra', 'fr')).toBe('français');
    expect(ocrLanguageName('chi_sim', 'ar')).not.toMatch(/[A-Za-z]/);
    expect(ocrLanguageName('rus+spa', 'zh')).not.toMatch(/[A-Za-z]/);
  });

  it('leaves a code outside the six as the server gave it', () => {
    expect(ocrLanguageName('deu', 'en')).toBe('deu');
    expect(ocrLanguageName('', 'en')).toBe('');
  });
});
