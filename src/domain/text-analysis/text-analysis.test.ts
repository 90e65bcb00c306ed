import { describe, expect, it } from 'vitest';
import { parseQuery } from '../query-language/index.ts';
import { alignedTerms, indexTerms, termOf, tokens } from './analyse.ts';
import { foldWord } from './fold.ts';
import { segmentCjkClauses, termForms } from './query.ts';

/** Whether a query word finds a text: some form of the word is one of the text's terms. */
const finds = (query: string, text: string, language: string) => {
  const terms = new Set(indexTerms(text, language).split(' '));
  return termForms(query).some((form) => form.split(' ').every((t) => terms.has(t)));
};

describe('per-language analysis (labelled variants)', () => {
  const labelled: [string, string, string][] = [
    ['en', 'strategies', 'The national cybersecurity strategy of 2021'],
    ['en', 'strategy', 'Strategies for resilience'],
    ['en', 'protecting', 'protection of critical infrastructure'.replace('protection', 'protected')],
    ['fr', 'stratégiques', 'La stratégie nationale de cybersécurité'],
    ['fr', 'strategiques', 'Les orientations stratégiques'],
    ['fr', 'sécurité', 'la securite des systemes'],
    ['es', 'estrategias', 'La estrategia nacional de ciberseguridad'],
    ['es', 'políticas', 'las politica de defensa'],
    ['ru', 'стратегия', 'в рамках национальной стратегии'],
    ['ru', 'стратегию', 'утвердить стратегией безопасности'],
    ['ru', 'безопасность', 'обеспечение информационной безопасности'],
    ['ru', 'ёлка', 'елки'],
    ['ar', 'الاستراتيجية', 'اعتمدت استراتيجية وطنية'],
    ['ar', 'استراتيجية', 'والاستراتيجيات الوطنية'],
    ['ar', 'الأمن', 'تعزيز الْأَمْنِ السيبراني'],
    ['ar', 'أمن', 'بالامن'],
    ['ar', 'السيبراني', 'الســيبرانى'],
    ['ar', 'الوزارة', 'وزارة الخارجية'],
  ];
  it.each(labelled)('%s: "%s" finds "%s"', (language, query, text) => {
    expect(finds(query, text, language)).toBe(true);
  });

  it('does not conflate unrelated words', () => {
    expect(finds('strategy', 'La stratégie nationale', 'fr')).toBe(false);
    expect(finds('безопасность', 'опасность', 'ru')).toBe(false);
    expect(finds('مكتب', 'كتب', 'ar')).toBe(false);
  });

  it('folds case, accents, Arabic letter forms and tatweel', () => {
    expect(foldWord('Stratégie')).toBe('strategie');
    expect(foldWord('ÉTÉ')).toBe('ete');
    expect(foldWord('إستراتيجيـــة')).toBe('استراتيجيه');
    expect(foldWord('مستوى')).toBe('مستوي');
    expect(foldWord('آمن')).toBe('امن');
    expect(foldWord('мой')).toBe('мой');
    expect(foldWord('Ёж')).toBe('еж');
  });

  it('stems Latin words only in their own language', () => {
    expect(termOf('strategies', 'en')).toBe('strategi');
    expect(termOf('strategies', null)).toBe('strategies');
    expect(termOf('Стратегии', 'en')).toBe(termOf('стратегия', 'ru'));
  });
});

describe('Chinese', () => {
  it('segments a query typed without spaces into words, each a clause', () => {
    const ast = segmentCjkClauses(parseQuery('网络安全战略').ast);
    expect(ast.must.map((c) => c.any[0]!.text)).toEqual(['网络', '安全', '战略']);
    // A quoted phrase stays one exact phrase.
    expect(segmentCjkClauses(parseQuery('"网络安全战略"').ast).must).toHaveLength(1);
  });
  it('indexes characters, so a word is found inside a sentence without spaces', () => {
    const text = '我国的国家安全战略是重要组成部分';
    const terms = indexTerms(text, 'zh');
    for (const word of segmentCjkClauses(parseQuery('安全战略').ast).must.map((c) => c.any[0]!.text))
      expect(terms).toContain(termForms(word)[0]);
    expect(terms).not.toContain('网 络');
  });
});

describe('alignment with the FTS5 paragraph index', () => {
  it('gives one term per token, in order, whatever a term folds to', () => {
    const text = 'La «stratégie» d’État — الْأَمْنُ 网络安全, x\u0301y 3.5';
    const toks = tokens(text, 'fr');
    expect(alignedTerms(text, 'fr').split(' ')).toHaveLength(toks.length);
    expect(toks.map((t) => text.slice(t.start, t.end))).toEqual([
      'La',
      'stratégie',
      'd',
      'État',
      'الْأَمْنُ',
      '网络安全',
      'x\u0301y',
      '3',
      '5',
    ]);
  });
});
