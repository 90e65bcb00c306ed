import { describe, expect, it } from 'vitest';
import { intlLocale, languageOfPath, pickLanguage } from './languages.ts';

describe('interface languages', () => {
  it.each([
    ['ar-EG,ar;q=0.9,en;q=0.8', 'ar'],
    ['zh-Hans-CN', 'zh'],
    ['de-DE, ru;q=0.3, es;q=0.4', 'es'],
    ['FR', 'fr'],
    ['en;q=0, ru', 'ru'],
    ['ru;q=abc, es;q=2, fr;q=0.1', 'fr'],
    ['de, it', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    ['*', 'en'],
  ])('picks the language for Accept-Language %j', (header, expected) => {
    expect(pickLanguage(header)).toBe(expected);
  });

  it('reads the language from the first segment of an address only', () => {
    expect(languageOfPath('/fr/states/france')).toBe('fr');
    expect(languageOfPath('/ar')).toBe('ar');
    expect(languageOfPath('/states/fr')).toBeNull();
    expect(languageOfPath('/frx/states')).toBeNull();
    expect(languageOfPath('/')).toBeNull();
  });

  it('formats with Western digits in Arabic, as UN texts do', () => {
    expect(new Intl.NumberFormat(intlLocale('ar')).format(1234)).toMatch(/^1.?234$/);
    expect(intlLocale('en-XA')).toBe('en-XA');
  });
});
