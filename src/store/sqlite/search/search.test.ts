import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileQueries } from '../../../domain/query-language/hostile-queries.ts';
import { autocompleteTitles } from './autocomplete.ts';
import { search } from './search.ts';
import { addDocument, standardTemplates } from './test-data.ts';
import { createFixture, type Fixture } from './test-fixtures.ts';
import { searchWithinFile } from './within-file.ts';

const anon = { canSeeUnpublished: false };
const editor = { canSeeUnpublished: true };
let fx: Fixture;
const ids: Record<string, string> = {};

beforeAll(async () => {
  fx = await createFixture();
  standardTemplates(fx);
  const filler =
    'The report describes national measures, institutions and international cooperation in general terms.';
  ids.phrase = addDocument(fx, {
    title: 'Report one',
    paragraphs: [filler, 'States should exercise due diligence in cyberspace.', filler],
  });
  ids.scattered = addDocument(fx, {
    title: 'Report two',
    paragraphs: [filler, 'What is due from states is unclear.', filler, 'Diligence matters for operators.'],
  });
  ids.title = addDocument(fx, { title: 'Cyber Resilience Act', paragraphs: [filler] });
  ids.body = addDocument(fx, {
    title: 'Annual overview',
    paragraphs: [filler, 'Resilience of networks was discussed.', filler, filler],
  });
  ids.stem = addDocument(fx, {
    title: 'Partnerships',
    paragraphs: ['Governments are cooperating on incident response.'],
  });
  ids.accent = addDocument(fx, {
    title: 'Stratégie nationale de cybersécurité',
    paragraphs: ['La sécurité des systèmes.'],
  });
  ids.cjk = addDocument(fx, {
    title: '国家网络安全战略',
    paragraphs: ['我们的网络安全战略保护关键基础设施。'],
  });
  ids.arabic = addDocument(fx, {
    title: 'الاستراتيجية الوطنية',
    paragraphs: ['تعزيز الأمن السيبراني في المنطقة'],
  });
  ids.russian = addDocument(fx, {
    title: 'Доктрина',
    paragraphs: ['Информационная безопасность Российской Федерации'],
  });
  ids.hidden = addDocument(fx, {
    title: 'Secret draft on zebras',
    paragraphs: ['zebra zebra zebra'],
    published: false,
    metadata: { documentType: 'legislation' },
  });
  ids.visible = addDocument(fx, {
    title: 'Public note',
    paragraphs: ['a zebra crossing'],
    metadata: { documentType: 'statement' },
  });
});
afterAll(() => fx.close());

const run = (q: string, viewer = anon, extra = {}) =>
  search(fx.sqlite, { q, viewer, sort: 'relevance', limit: 20, ...extra });
const order = (q: string) => run(q).items.map((i) => i.entity.id);

describe('ranking', () => {
  it('puts words side by side above scattered words', () => {
    const got = order('due diligence');
    expect(got.indexOf(ids.phrase!)).toBeLessThan(got.indexOf(ids.scattered!));
    expect(order('"due diligence"')).toEqual([ids.phrase]);
  });

  it('ranks a title match first', () => {
    expect(order('resilience')[0]).toBe(ids.title);
  });

  it('returns snippets with the matched words marked and the rest escaped', () => {
    const item = run('diligence').items.find((i) => i.entity.id === ids.phrase)!;
    expect(item.snippets[0]!.html).toContain('<mark>diligence</mark>');
    expect(item.snippets[0]!.page).toBe(1);
    const body = addDocument(fx, {
      title: 'Markup',
      paragraphs: ['<script>alert("x")</script> quokka & co'],
    });
    const s = run('quokka').items.find((i) => i.entity.id === body)!.snippets[0]!.html;
    expect(s).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>quokka</mark> &amp; co');
  });
});

describe('languages', () => {
  it('stems English', () => {
    expect(order('cooperation')).toContain(ids.stem);
    expect(order('cooperate')).toContain(ids.stem);
  });
  it('folds accents and case', () => {
    expect(order('strategie CYBERSECURITE')).toContain(ids.accent);
    expect(order('sécurité')).toContain(ids.accent);
  });
  it('finds CJK by characters, including two-character words', () => {
    expect(order('网络')).toContain(ids.cjk);
    expect(order('安全战略')).toContain(ids.cjk);
    expect(order('基础')).toContain(ids.cjk);
    expect(order('战网')).not.toContain(ids.cjk);
    const item = run('基础设施').items.find((i) => i.entity.id === ids.cjk)!;
    expect(item.snippets[0]!.html).toContain('<mark>基础设施</mark>');
  });
  it('finds Arabic and Russian words', () => {
    expect(order('السيبراني')).toContain(ids.arabic);
    expect(order('безопасность')).toContain(ids.russian);
    expect(order('БЕЗОПАСНОСТЬ')).toContain(ids.russian);
  });
  it('supports OR, exclusion and prefixes', () => {
    expect(order('zebra -crossing')).toEqual([]);
    expect(order('quokka OR zebra').length).toBe(2);
    expect(order('cooper*')).toContain(ids.stem);
    expect(order('resil*')).toContain(ids.title);
    const snippet = run('resil*').items.find((i) => i.entity.id === ids.body)!.snippets[0]!.html;
    expect(snippet).toContain('<mark>Resilience</mark> of networks');
  });
});

describe('prefixes match words as written', () => {
  // The entity index holds Porter stems: "cooperating" is stored as "cooper", which "cooperat" does
  // not start. These failed while prefixes were matched against stems.
  it('finds a word whose stem is shorter than the prefix', () => {
    expect(order('cooperat*')).toContain(ids.stem);
    expect(order('cooperatin*')).toContain(ids.stem);
    expect(order('governments cooperat*')).toEqual([ids.stem]);
    expect(order('cooperat* OR quokka')).toContain(ids.stem);
  });
  it('does not match other words sharing the stem, and excludes by prefix', () => {
    expect(order('cooperatives*')).not.toContain(ids.stem);
    expect(order('cooperation*')).not.toContain(ids.stem);
    expect(order('incident -cooperat*')).toEqual([]);
    expect(order('incident -cooperx*')).toEqual([ids.stem]);
  });
  it('keeps unpublished entities out', () => {
    expect(order('zebr*')).toEqual([ids.visible]);
    expect(run('zebr*', editor).total).toBe(2);
  });
});

describe('permissions', () => {
  it('hides unpublished entities from anonymous readers, counts included', () => {
    const a = run('zebra', anon);
    expect(a.items.map((i) => i.entity.id)).toEqual([ids.visible]);
    expect(a.total).toBe(1);
    expect(a.facets.documentType!.buckets.find((b) => b.value === 'legislation')).toBeUndefined();
    const e = run('zebra', editor);
    expect(e.total).toBe(2);
    expect(e.facets.documentType!.buckets.find((b) => b.value === 'legislation')!.count).toBe(1);
    expect(run('', anon).items.some((i) => i.entity.id === ids.hidden)).toBe(false);
  });
  it("keeps unpublished entities out of counts that leave a facet's own filter out", () => {
    const filters = { documentType: { values: ['statement'], op: 'or' as const } };
    const a = run('zebra', anon, { filters });
    expect(a.facets.documentType!.selfExcluded).toBe(true);
    expect(a.facets.documentType!.buckets.map((b) => [b.value, b.count])).toEqual([['statement', 1]]);
    const e = run('zebra', editor, { filters });
    expect(e.facets.documentType!.buckets.find((b) => b.value === 'legislation')!.count).toBe(1);
  });
  it('applies to autocomplete and search within a file', () => {
    expect(autocompleteTitles(fx.sqlite, { q: 'secret', viewer: anon })).toEqual([]);
    expect(autocompleteTitles(fx.sqlite, { q: 'secret', viewer: editor }).map((s) => s.id)).toEqual([
      ids.hidden,
    ]);
    const fileId = fx.sqlite
      .prepare('SELECT id FROM files WHERE entity_id = ?')
      .pluck()
      .get(ids.hidden) as string;
    expect(searchWithinFile(fx.sqlite, { fileId, q: 'zebra', viewer: anon })).toBeNull();
    expect(searchWithinFile(fx.sqlite, { fileId, q: 'zebra', viewer: editor })!.matches.length).toBe(1);
  });
});

describe('search within a file', () => {
  it('returns matching paragraphs in reading order with offsets', () => {
    const id = addDocument(fx, {
      title: 'Long',
      paragraphs: [
        'Intro.',
        'Norms of responsible behaviour.',
        'Nothing.',
        'More NORMS here and norm there.',
      ],
    });
    const fileId = fx.sqlite.prepare('SELECT id FROM files WHERE entity_id = ?').pluck().get(id) as string;
    const r = searchWithinFile(fx.sqlite, { fileId, q: 'norms', viewer: anon })!;
    expect(r.matches.map((m) => m.ordinal)).toEqual([1, 3]);
    const words = r.matches.flatMap((m) => m.highlights.map((h) => m.text.slice(h.start, h.end)));
    expect(words).toEqual(['Norms', 'NORMS', 'norm']);
    expect(searchWithinFile(fx.sqlite, { fileId: 'nosuchfile', q: 'x', viewer: editor })).toBeNull();
  });
});

describe('autocomplete', () => {
  it('completes title starts and word prefixes quickly', () => {
    expect(autocompleteTitles(fx.sqlite, { q: 'cyber res', viewer: anon })[0]!.id).toBe(ids.title);
    expect(autocompleteTitles(fx.sqlite, { q: 'resil', viewer: anon })[0]!.id).toBe(ids.title);
    expect(autocompleteTitles(fx.sqlite, { q: 'strat', viewer: anon }).map((s) => s.id)).toContain(
      ids.accent,
    );
    expect(autocompleteTitles(fx.sqlite, { q: '网络', viewer: anon }).map((s) => s.id)).toContain(ids.cjk);
    expect(autocompleteTitles(fx.sqlite, { q: 'Report', viewer: anon, template: 'State' })).toEqual([]);
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) autocompleteTitles(fx.sqlite, { q: 'rep', viewer: anon });
    expect((performance.now() - t0) / 50).toBeLessThan(20);
  });
});

describe('hostile queries', () => {
  it('always returns a result, never throws', () => {
    for (const q of hostileQueries(600, 11)) {
      const r = run(q, editor);
      expect(r.total).toBeGreaterThanOrEqual(0);
      expect(Array.isArray(r.hints)).toBe(true);
      autocompleteTitles(fx.sqlite, { q, viewer: anon });
    }
  });
});
