import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Login, loginAs } from '../../../test/factories.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { MissingTranslations } from '../../domain/schemas/missing-translations.ts';
import { SearchResponse } from '../../domain/schemas/search.ts';
import { createEntity } from '../../operations/create-entity.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { saveRelationType } from '../../operations/save-relation-type.ts';
import { saveTemplate } from '../../operations/save-template.ts';
import { saveThesaurus } from '../../operations/save-thesaurus.ts';
import { createSearchPool, type SearchPool } from '../../store/sqlite/search/worker-pool.ts';
import { buildApp } from '../app.ts';
import { searchRoutes } from './search.routes.ts';

// Search cards and the translations view in the reader's language (issue 11 items 2 and 3): translated
// values where they exist, the stored ones (named as such) where not, and shared values left alone.
let t: TempStore;
let app: FastifyInstance;
let pool: SearchPool;
let editor: Login;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTempStore();
  pool = createSearchPool({ sqlite: t.store.sqlite.sqlite, workers: 0 });
  app = await buildApp({ config: t.config, store: t.store, plugins: [searchRoutes({ search: pool })] });
  const actor = OPERATOR;
  await saveThesaurus({
    store: t.store,
    actor,
    input: {
      name: 'docTypes',
      label: 'Document types',
      labels: { fr: 'Types de document', ar: 'أنواع الوثائق' },
      values: [
        { id: 'strategy', label: 'National strategy', labels: { fr: 'Stratégie nationale' } },
        { id: 'law', label: 'Legislation' },
      ],
    },
  });
  await saveTemplate({
    store: t.store,
    actor,
    input: {
      name: 'Country',
      label: 'State',
      labels: { fr: 'État' },
      // A profile: a code outside its sections (a fact, the same in every language) and a text in one.
      properties: [
        { name: 'iso3', label: 'ISO code', labels: { fr: 'Code ISO' }, type: 'text' },
        { name: 'policy', label: 'Policy', labels: { fr: 'Politique' }, type: 'text', section: 'Policy' },
      ],
    } as never,
  });
  await saveTemplate({
    store: t.store,
    actor,
    input: {
      name: 'Paper',
      label: 'Document',
      labels: { fr: 'Document' },
      sectionLabels: { Overview: { fr: 'Aperçu' } },
      properties: [
        {
          name: 'kind',
          label: 'Type',
          labels: { fr: 'Type de document' },
          type: 'select',
          thesaurus: 'docTypes',
          filterable: true,
        },
        {
          name: 'states',
          label: 'States',
          labels: { fr: 'États' },
          type: 'relationship',
          targetTemplate: 'Country',
          filterable: true,
        },
        {
          name: 'summary',
          label: 'Summary',
          type: 'markdown',
          section: 'Overview',
          description: 'What it says',
        },
      ],
    } as never,
  });
  await saveRelationType({
    store: t.store,
    actor,
    input: { name: 'cites', label: 'cites', inverseLabel: 'cited by', labels: { fr: 'cite' } },
  });
  const create = async (key: string, template: string, input: object) => {
    const e = await createEntity({
      store: t.store,
      actor,
      input: { template, published: true, metadata: {}, ...input } as never,
    });
    ids[key] = e.id;
  };
  await create('france', 'Country', {
    title: 'France',
    translations: { fr: { title: 'France' } },
    metadata: { iso3: 'FRA' },
  });
  await create('kenya', 'Country', { title: 'Kenya', metadata: { iso3: 'KEN', policy: 'A policy.' } });
  await create('translated', 'Paper', {
    title: 'Cyber resilience strategy',
    translations: {
      fr: { title: 'Stratégie de cyberrésilience', metadata: { summary: 'Elle fixe les priorités.' } },
    },
    metadata: { kind: 'strategy', states: [ids.france], summary: 'It sets the priorities.' },
  });
  await create('untranslated', 'Paper', {
    title: 'Cyber resilience act',
    metadata: { kind: 'law', states: [ids.kenya], summary: 'It makes offences.' },
  });
  editor = await loginAs(app, 'editor');
});
afterAll(async () => {
  await app.close();
  await pool.close();
  await t.cleanup();
});

const search = async (query: string) => {
  const res = await app.inject({ url: `/api/v1/search?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return SearchResponse.parse(res.json());
};
const hit = (body: SearchResponse, key: string) => body.items.find((i) => i.entity.id === ids[key])!;

describe('search cards in the reader language', () => {
  it('give titles, labels and thesaurus values in the language asked for, the stored ones marked where missing', async () => {
    const body = await search('q=resilience&lang=fr');
    const translated = hit(body, 'translated');
    expect(translated.entity.title).toBe('Stratégie de cyberrésilience');
    expect(translated.entity.titleLanguage).toBeUndefined();
    // Addresses are made from the stored title, whatever the reader sees.
    expect(translated.entity.storedTitle).toBe('Cyber resilience strategy');
    expect(translated.templateLabel).toBe('Document');
    expect(Object.fromEntries(translated.facts.map((f) => [f.label, f.values.join(', ')]))).toEqual({
      États: 'France',
      'Type de document': 'Stratégie nationale',
    });
    const untranslated = hit(body, 'untranslated');
    expect(untranslated.entity.title).toBe('Cyber resilience act');
    expect(untranslated.entity.titleLanguage).toBe('en');
    // A value without a French label stays as stored; the shared select id is the same in both.
    expect(untranslated.facts.find((f) => f.property === 'kind')?.values).toEqual(['Legislation']);
    expect(untranslated.entity.metadata.kind).toBe('law');
    expect(body.facets.kind?.buckets.find((b) => b.value === 'strategy')?.label).toBe('Stratégie nationale');
  });

  it('leave the cards as stored without a language', async () => {
    const body = await search('q=resilience');
    expect(hit(body, 'translated').entity.title).toBe('Cyber resilience strategy');
    expect(hit(body, 'translated').entity.titleLanguage).toBeUndefined();
    expect(hit(body, 'translated').facts.find((f) => f.property === 'kind')?.label).toBe('Type');
  });

  it('refuse a language that is not one of the six', async () => {
    const res = await app.inject({ url: '/api/v1/search?q=resilience&lang=de' });
    expect(res.statusCode).toBe(400);
  });
});

describe('the vocabulary as the API gives it', () => {
  it('carries the labels in the other languages: templates, sections, thesauri, relation types', async () => {
    const templates = (await app.inject({ url: '/api/v1/templates' })).json() as Record<string, unknown>[];
    expect(templates.find((x) => x.name === 'Paper')).toMatchObject({
      labels: { fr: 'Document' },
      sectionLabels: { Overview: { fr: 'Aperçu' } },
    });
    const thesauri = (await app.inject({ url: '/api/v1/thesauri' })).json() as Record<string, unknown>[];
    expect(thesauri[0]).toMatchObject({ labels: { fr: 'Types de document', ar: 'أنواع الوثائق' } });
    const relations = (await app.inject({ url: '/api/v1/relation-types' })).json() as Record<
      string,
      unknown
    >[];
    expect(relations[0]).toMatchObject({ labels: { fr: 'cite' } });
  });
});

describe('GET /translations/missing', () => {
  const missing = async (query: string) => {
    const res = await app.inject({
      url: `/api/v1/translations/missing?${query}`,
      headers: { cookie: editor.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    return MissingTranslations.parse(res.json());
  };

  it('lists per language the entities whose title or texts are not translated, with the fields', async () => {
    const body = await missing('lang=fr&kind=entities');
    const byId = new Map(body.items.map((i) => [i.id, i]));
    expect(byId.get(ids.translated!)).toBeUndefined();
    expect(byId.get(ids.france!)).toBeUndefined();
    expect(byId.get(ids.untranslated!)?.fields).toEqual(['title', 'summary']);
    // The code is a fact, never listed; the sectioned text is.
    expect(byId.get(ids.kenya!)?.fields).toEqual(['title', 'policy']);
    expect(body.total).toBe(2);
    // In Arabic nothing is translated: all four entities; in English, their own language, none.
    expect(body.counts.ar?.entities).toBe(4);
    expect(body.counts.en?.entities).toBe(0);
  });

  it('lists labels, sections, glossary texts, relation types and thesaurus values without a translation', async () => {
    const labels = await missing('lang=fr&kind=labels');
    const keys = labels.items.map((i) => `${i.kind}:${i.id}:${i.key ?? ''}:${i.fields.join('+')}`);
    expect(keys).toEqual(
      expect.arrayContaining(['property:Paper:summary:label+description', 'relation:cites::inverseLabel']),
    );
    expect(keys.some((k) => k.startsWith('section:Paper:Overview'))).toBe(false);
    expect(keys.some((k) => k.startsWith('template:'))).toBe(false);
    const values = await missing('lang=fr&kind=values');
    expect(values.items.map((i) => `${i.kind}:${i.id}:${i.key ?? ''}`)).toEqual(['value:docTypes:law']);
    const arabic = await missing('lang=ar&kind=values');
    expect(arabic.items.map((i) => i.key)).toEqual(['strategy', 'law']);
  });

  it('is for editors', async () => {
    expect((await app.inject({ url: '/api/v1/translations/missing' })).statusCode).toBe(401);
  });
});
