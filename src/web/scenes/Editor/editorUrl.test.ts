import { describe, expect, it } from 'vitest';
import { editorHref, tabLanguage } from './editorUrl.ts';

describe('editor addresses', () => {
  it('opens the tab of the missing language and the field to write', () => {
    expect(editorHref('abc123', { lang: 'fr', field: 'title' })).toBe(
      '/entities/abc123/edit?lang=fr#field-title',
    );
    expect(editorHref('abc123', { lang: 'ar' })).toBe('/entities/abc123/edit?lang=ar');
    expect(editorHref('abc123')).toBe('/entities/abc123/edit');
  });

  it('takes the tab from ?lang=, else the entity’s own language, else English', () => {
    expect(tabLanguage(new URLSearchParams('lang=zh'), 'en')).toBe('zh');
    expect(tabLanguage(new URLSearchParams(''), 'ru')).toBe('ru');
    // Not one of the six: ignored, not a blank tab.
    expect(tabLanguage(new URLSearchParams('lang=de'), 'es')).toBe('es');
    expect(tabLanguage(new URLSearchParams('lang=de'), 'xx')).toBe('en');
  });
});
