import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexEntity } from './indexer.ts';
import { search } from './search.ts';
import { standardTemplates } from './test-data.ts';
import { createFixture, type Fixture } from './test-fixtures.ts';
import { searchWithinFile } from './within-file.ts';

/*
 * Search per language on a real FTS5 database: each document is indexed in its own language's analysis
 * and found by the variants a reader types (labelled pairs), in every language by default or in the
 * ticked ones, with exact language facet counts.
 */

const viewer = { canSeeUnpublished: true };
let fx: Fixture;
const ids: Record<string, string> = {};

/** One document in one language: title and one paragraph, the file and its paragraphs in `language`. */
function add(key: string, language: string, title: string, text: string) {
  const id = fx.entity({ template: 'Document', title, language });
  fx.file(id, [text], { language });
  indexEntity({ sqlite: fx.sqlite, entityId: id });
  ids[key] = id;
}

beforeAll(async () => {
  fx = await createFixture();
  standardTemplates(fx);
  add(
    'en',
    'en',
    'National cybersecurity strategy',
    'The national strategies protect critical infrastructure.',
  );
  add('fr', 'fr', 'Stratégie nationale', 'Les orientations stratégiques de la cybersécurité nationale.');
  add('es', 'es', 'Estrategia nacional', 'Las políticas de ciberseguridad y la estrategia del Estado.');
  add('ru', 'ru', 'Доктрина', 'Утвердить стратегией информационной безопасности Российской Федерации.');
  add('ar', 'ar', 'وثيقة', 'تعزيز الْأَمْنِ السيبراني والاستراتيجيات الوطنية للدولة');
  add('zh', 'zh', '文件', '我国的国家网络安全战略是重要组成部分');
  // A paragraph of unknown language: its Latin words are folded, not stemmed.
  add('unknown', 'xx', 'Untitled', 'Strategies without a language');
});
afterAll(async () => {
  await fx?.close();
});

const hits = (q: string, extra: Record<string, unknown> = {}) =>
  search(fx.sqlite, { q, viewer, limit: 50, ...extra })
    .items.map((i) => i.entity.id)
    .sort();
const only = (...keys: string[]) => keys.map((k) => ids[k]!).sort();

describe('per-language recall (labelled variants)', () => {
  const labelled: [string, string][] = [
    ['strategy', 'en'],
    ['protecting', 'en'],
    ['stratégie', 'fr'],
    ['strategiques', 'fr'],
    ['cybersecurite', 'fr'],
    ['estrategias', 'es'],
    ['politica', 'es'],
    ['стратегия', 'ru'],
    ['стратегии', 'ru'],
    ['безопасность', 'ru'],
    ['الأمن', 'ar'],
    ['امن', 'ar'],
    ['استراتيجية', 'ar'],
    ['السيبرانى', 'ar'],
    ['网络安全', 'zh'],
    ['安全战略', 'zh'],
    ['网络安全战略', 'zh'],
  ];
  it.each(labelled)('"%s" finds the %s document', (q, key) => {
    expect(hits(q)).toContain(ids[key]);
  });

  it('does not find what only looks alike', () => {
    expect(hits('战网')).toEqual([]);
    expect(hits('"安全网络"')).toEqual([]);
    expect(hits('опасность')).toEqual([]);
  });

  it('matches accents and case either way', () => {
    expect(hits('STRATEGIE NATIONALE')).toEqual(only('fr'));
    expect(hits('políticas')).toEqual(hits('politicas'));
    expect(hits('ciberseguridad')).toEqual(only('es'));
  });

  it('marks the words as written, in right-to-left text too', () => {
    const ar = search(fx.sqlite, { q: 'الأمن', viewer, limit: 5 }).items.find((i) => i.entity.id === ids.ar)!;
    expect(ar.snippets[0]!.html).toContain('<mark>الْأَمْنِ</mark>');
    const fr = search(fx.sqlite, { q: 'strategiques', viewer, limit: 5 }).items.find(
      (i) => i.entity.id === ids.fr,
    )!;
    expect(fr.snippets[0]!.html).toContain('<mark>stratégiques</mark>');
    const fileId = fx.sqlite
      .prepare('SELECT id FROM files WHERE entity_id = ?')
      .pluck()
      .get(ids.ru) as string;
    const within = searchWithinFile(fx.sqlite, { fileId, q: 'стратегия', viewer })!;
    const m = within.matches[0]!;
    expect(m.highlights.map((h) => m.text.slice(h.start, h.end))).toEqual(['стратегией']);
  });
});

describe('languages of a query', () => {
  it('finds every language by default, and only the ticked ones when asked', () => {
    // French stems "strategies" as it stems "stratégiques": a reader need not know the language.
    expect(hits('strategies')).toEqual(only('en', 'fr', 'unknown'));
    expect(hits('strategy')).toEqual(only('en'));
    expect(hits('strategy', { filters: { language: { values: ['fr'], op: 'or' } } })).toEqual([]);
    expect(hits('stratégique', { filters: { language: { values: ['fr'], op: 'or' } } })).toEqual(only('fr'));
    expect(hits('strategy', { filters: { language: { values: ['en'], op: 'or' } } })).toEqual(only('en'));
  });

  it('counts the language facet exactly', () => {
    const r = search(fx.sqlite, { q: '', viewer, limit: 50 });
    const counts = Object.fromEntries(r.facets.language!.buckets.map((b) => [b.value, b.count]));
    expect(counts).toEqual({ en: 1, fr: 1, es: 1, ru: 1, ar: 1, zh: 1, xx: 1 });
    expect(r.facets.language!.buckets.find((b) => b.value === 'ar')!.label).toBe('العربية');
    // "Any of" counts leave their own filter out, over the words as the ticked language reads them:
    // French reads "national" as itself, which the English text (stemmed "nation") does not hold.
    const ticked = search(fx.sqlite, {
      q: 'national OR nationale OR nacional',
      viewer,
      limit: 50,
      filters: { language: { values: ['fr'], op: 'or' } },
    });
    expect(ticked.total).toBe(1);
    const c2 = Object.fromEntries(ticked.facets.language!.buckets.map((b) => [b.value, b.count]));
    expect(c2).toEqual({ fr: 1, es: 1 });
  });
});
