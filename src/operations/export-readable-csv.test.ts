import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { drainIngestQueue } from '../cli/context.ts';
import { SearchQuery } from '../domain/schemas/search.ts';
import { createSearchPool, type SearchPool } from '../store/sqlite/search/worker-pool.ts';
import { createEntity } from './create-entity.ts';
import { exportSearch } from './export-search.ts';
import { type Actor, OPERATOR } from './permissions.ts';
import { saveTemplate } from './save-template.ts';
import { saveThesaurus } from './save-thesaurus.ts';
import { updateEntity } from './update-entity.ts';
import { uploadFile } from './upload-file.ts';

/** The CSV a person opens in a spreadsheet (issue 12 item 3): labels, not ids; a real store and FTS5. */
const FLAGS = { required: false, filterable: false, showInCard: false };
let t: TempStore;
let search: SearchPool;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTempStore();
  const store = t.store;
  await saveThesaurus({
    store,
    actor: OPERATOR,
    input: {
      name: 'documentType',
      label: 'Document type',
      values: [
        { id: 'national-strategy', label: 'National strategy' },
        { id: 'law', label: 'Law' },
      ],
    },
  });
  await saveThesaurus({
    store,
    actor: OPERATOR,
    input: {
      name: 'topics',
      label: 'Topics',
      values: [
        { id: 'cert', label: 'Incident response' },
        { id: 'norms', label: 'Norms, "responsible" behaviour' },
      ],
    },
  });
  await saveTemplate({ store, actor: OPERATOR, input: { name: 'State', label: 'State', properties: [] } });
  await saveTemplate({
    store,
    actor: OPERATOR,
    input: {
      name: 'Document',
      label: 'Document',
      properties: [
        { ...FLAGS, name: 'documentType', label: 'Type', type: 'select', thesaurus: 'documentType' },
        { ...FLAGS, name: 'topics', label: 'Topics', type: 'multiselect', thesaurus: 'topics' },
        { ...FLAGS, name: 'states', label: 'States', type: 'relationship', targetTemplate: 'State' },
        { ...FLAGS, name: 'adopted', label: 'Adopted', type: 'date' },
        { ...FLAGS, name: 'summary', label: 'Summary', type: 'text' },
      ],
    },
  });
  const state = (title: string, published: boolean) =>
    createEntity({ store, actor: OPERATOR, input: { template: 'State', title, published } });
  ids.egypt = (await state('مصر', true)).id;
  ids.hidden = (await state('Unpublished State', false)).id;
  const doc = await createEntity({
    store,
    actor: OPERATOR,
    input: {
      template: 'Document',
      title: 'Stratégie nationale de cybersécurité',
      published: true,
      metadata: {
        documentType: 'national-strategy',
        topics: ['cert', 'norms'],
        states: [ids.egypt, ids.hidden],
        adopted: '2021-05',
        summary: '=HYPERLINK("http://evil.example","click")',
      },
    },
  });
  ids.doc = doc.id;
  await uploadFile({
    store,
    actor: OPERATOR,
    entityId: doc.id,
    filename: 'strategy.txt',
    content: Buffer.from('Preamble.\n\nThe okapi unit coordinates incident response.'),
  });
  await drainIngestQueue(store, t.config);
  search = createSearchPool({ dbPath: store.sqlite.path, sqlite: store.sqlite.sqlite, workers: 0 });
});
afterAll(async () => {
  await search.close();
  await t.cleanup();
});

async function csv(q: string, actor: Actor = null, lang?: string) {
  let out = '';
  for await (const chunk of await exportSearch({
    store: t.store,
    search,
    actor,
    query: SearchQuery.parse({ q, template: 'Document', ...(lang ? { lang } : {}) }),
    format: 'csv',
  }))
    out += chunk;
  return out;
}

/** A small RFC 4180 reader: quoted cells with doubled quotes, CRLF rows. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) cell += c;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

it('writes labels, titles and readable values under the property labels, with a BOM for spreadsheets', async () => {
  const out = await csv('');
  expect(out.startsWith('\uFEFF')).toBe(true);
  const [head, row, ...rest] = parse(out.slice(1));
  expect(rest).toEqual([]);
  expect(head).toEqual([
    'Title',
    'Template',
    'Published',
    'Type',
    'Topics',
    'States',
    'Adopted',
    'Summary',
    'Id',
  ]);
  expect(row).toEqual([
    'Stratégie nationale de cybersécurité',
    'Document',
    'yes',
    'National strategy',
    'Incident response | Norms, "responsible" behaviour',
    // The unpublished state's title is not shown to an anonymous reader.
    'مصر',
    '2021-05',
    // A cell that would run as a formula is neutralised.
    `'=HYPERLINK("http://evil.example","click")`,
    ids.doc,
  ]);
});

it('adds the best passage and its page for a text search, and shows signed-in readers every title', async () => {
  const [head, row] = parse((await csv('okapi', { id: 'u', username: 'ed', role: 'editor' })).slice(1));
  expect(head!.slice(3, 5)).toEqual(['Best passage', 'Page']);
  expect(row![3]).toBe('The okapi unit coordinates incident response.');
  expect(row![4]).toBe('1');
  expect(row![7]).toBe('مصر | Unpublished State');
});

it("writes labels, titles and texts in the reader's language where translated, the stored ones elsewhere", async () => {
  const store = t.store;
  const thesaurus = (await store.thesauri.findByName('documentType'))!;
  const { id: _i, createdAt: _c, updatedAt: _u, ...input } = thesaurus;
  await saveThesaurus({
    store,
    actor: OPERATOR,
    name: 'documentType',
    input: {
      ...input,
      values: input.values.map((v) =>
        v.id === 'national-strategy' ? { ...v, labels: { fr: 'Stratégie nationale' } } : v,
      ),
    },
  });
  const template = (await store.templates.findByName('Document'))!;
  await saveTemplate({
    store,
    actor: OPERATOR,
    name: 'Document',
    input: {
      name: template.name,
      label: template.label,
      labels: { fr: 'Document (fr)' },
      properties: template.properties.map((p) =>
        p.name === 'summary' ? { ...p, labels: { fr: 'Résumé' } } : p,
      ),
    },
  });
  await updateEntity({
    store,
    actor: OPERATOR,
    id: ids.doc!,
    patch: { translations: { fr: { title: 'Stratégie (fr)', metadata: { summary: 'Résumé en français' } } } },
  });
  const [head, row] = parse((await csv('', null, 'fr')).slice(1));
  expect(head).toContain('Résumé');
  expect(head).toContain('Type');
  expect(row!.slice(0, 4)).toEqual(['Stratégie (fr)', 'Document (fr)', 'yes', 'Stratégie nationale']);
  expect(row).toContain('Résumé en français');
  // Untranslated values stay as stored.
  expect(row).toContain('مصر');
  const [, english] = parse((await csv('')).slice(1));
  expect(english![0]).toBe('Stratégie nationale de cybersécurité');
});
