import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { fileDownloadPath } from '../../domain/schemas/entity.ts';
import { SearchQuery } from '../../domain/schemas/search.ts';
import type { TemplateInput } from '../../domain/schemas/template.ts';
import type { ThesaurusInput } from '../../domain/schemas/thesaurus.ts';
import { createSearchPool, type SearchPool } from '../../store/sqlite/search/worker-pool.ts';
import type { Store } from '../../store/store.ts';
import { createEntity } from '../create-entity.ts';
import { exportSearch } from '../export-search.ts';
import { exportSearchZip } from '../export-zip.ts';
import { OPERATOR } from '../permissions.ts';
import { saveTemplate } from '../save-template.ts';
import { saveThesaurus } from '../save-thesaurus.ts';
import { updateEntity } from '../update-entity.ts';
import { uploadFile } from '../upload-file.ts';
import { planCsvImport } from './plan-csv-import.ts';
import { readImportFile } from './read-import-file.ts';
import { runCsvImport } from './run-csv-import.ts';

/** Issue 12 item 4: a readable CSV export of a template's entities, imported into an empty portal. */
const FLAGS = { required: false, filterable: false, showInCard: false };
const THESAURUS: ThesaurusInput = {
  name: 'topics',
  label: 'Topics',
  values: [
    { id: 'cert', label: 'Incident response' },
    { id: 'norms', label: 'Norms, "responsible" behaviour' },
    { id: 'critical', label: 'Critical infrastructure' },
  ],
};
const DOCUMENT: TemplateInput = {
  name: 'Document',
  label: 'Document',
  properties: [
    { ...FLAGS, name: 'mainTopic', label: 'Main topic', type: 'select', thesaurus: 'topics' },
    { ...FLAGS, name: 'topics', label: 'Topics', type: 'multiselect', thesaurus: 'topics' },
    { ...FLAGS, name: 'states', label: 'States', type: 'relationship', targetTemplate: 'State' },
    { ...FLAGS, name: 'adopted', label: 'Adopted', type: 'date' },
    { ...FLAGS, name: 'inForce', label: 'In force', type: 'daterange' },
    { ...FLAGS, name: 'pages', label: 'Pages', type: 'number' },
    { ...FLAGS, name: 'seat', label: 'Seat', type: 'geolocation' },
    { ...FLAGS, name: 'source', label: 'Source', type: 'link' },
    { ...FLAGS, name: 'summary', label: 'Summary', type: 'text' },
    { ...FLAGS, name: 'body', label: 'Body', type: 'markdown' },
    { ...FLAGS, name: 'reviews', label: 'Reviews', type: 'multidate' },
    { ...FLAGS, name: 'terms', label: 'Terms', type: 'multidaterange' },
    { ...FLAGS, name: 'recording', label: 'Recording', type: 'media' },
  ],
};

let from: TempStore;
let to: TempStore;
let search: SearchPool;

async function catalogue(store: Store) {
  await saveThesaurus({ store, actor: OPERATOR, input: THESAURUS });
  await saveTemplate({ store, actor: OPERATOR, input: { name: 'State', label: 'State', properties: [] } });
  await saveTemplate({ store, actor: OPERATOR, input: DOCUMENT });
  for (const title of ['مصر', 'Côte d’Ivoire', 'Norway'])
    await createEntity({ store, actor: OPERATOR, input: { template: 'State', title, published: true } });
}

beforeAll(async () => {
  [from, to] = await Promise.all([createTempStore(), createTempStore()]);
  await catalogue(from.store);
  await catalogue(to.store);
  const states = (
    await from.store.entities.list({ limit: 10, offset: 0, sort: 'title', publishedOnly: false })
  ).items;
  const id = (title: string) => states.find((s) => s.title === title)!.id;
  const docs = [
    {
      title: 'Stratégie nationale, "2030"',
      published: true,
      metadata: {
        mainTopic: 'norms',
        topics: ['cert', 'norms'],
        states: [id('مصر'), id('Côte d’Ivoire')],
        adopted: '2021-05',
        inForce: { from: '2021', to: '2030-12-31' },
        pages: 12.5,
        seat: { lat: -1.2921, lon: 36.8219 },
        source: [
          { label: 'Official gazette', url: 'https://gazette.example/2021/5' },
          { label: '', url: 'https://mirror.example/doc.pdf' },
        ],
        summary: '=SUM(A1) is not a formula here',
        body: '# Heading\n\nA paragraph with *emphasis*,\nand a line break.',
        reviews: ['2022', '2024-06-30'],
        terms: [{ from: '2019', to: '2022' }, { from: '2023-01' }],
      },
      translations: {
        en: { title: 'National strategy, "2030"', metadata: { summary: 'In English, with a comma' } },
        ar: {
          title: 'الاستراتيجية الوطنية',
          metadata: {
            summary: 'ملخص بالعربية',
            source: [{ label: 'الجريدة الرسمية', url: 'https://gazette.example/ar/2021/5' }],
          },
        },
        zh: { title: '国家战略' },
      },
      language: 'fr',
    },
    {
      title: 'Minimal',
      published: false,
      metadata: { inForce: { from: '2019' }, pages: -3 },
      translations: { ru: { metadata: { body: 'Только *текст*' } } },
    },
  ];
  for (const d of docs)
    await createEntity({ store: from.store, actor: OPERATOR, input: { template: 'Document', ...d } });
  search = createSearchPool({ dbPath: from.store.sqlite.path, sqlite: from.store.sqlite.sqlite, workers: 0 });
});
afterAll(async () => {
  await search.close();
  await Promise.all([from.cleanup(), to.cleanup()]);
});

it('imports its own readable export back into an empty portal with the same values', async () => {
  let csv = '';
  for await (const chunk of await exportSearch({
    store: from.store,
    search,
    actor: OPERATOR,
    query: SearchQuery.parse({ template: 'Document' }),
    format: 'csv',
  }))
    csv += chunk;
  const plan = await planCsvImport({ store: to.store, text: csv, template: 'Document' });
  expect(plan.problems).toEqual([]);
  await runCsvImport({ store: to.store, actor: OPERATOR, plan, sha256: 'export', name: 'export.csv' });
  const read = async (store: Store) => {
    const all = (await store.entities.list({ limit: 50, offset: 0, sort: 'title', publishedOnly: false }))
      .items;
    const titleOf = new Map(all.map((e) => [e.id, e.title]));
    return all
      .filter((e) => e.template === 'Document')
      .map((e) => ({
        title: e.title,
        published: e.published,
        // Related entities by title: ids differ between the two portals.
        metadata: {
          ...e.metadata,
          states: (e.metadata.states as string[] | undefined)?.map((s) => titleOf.get(s)),
        },
      }));
  };
  const [before, after] = [await read(from.store), await read(to.store)];
  expect(after).toHaveLength(2);
  expect(after).toEqual(before);
});

it('carries every language through an export with a column per language (Title__fr, Summary__ar…)', async () => {
  const empty = await createTempStore();
  try {
    await catalogue(empty.store);
    let csv = '';
    for await (const chunk of await exportSearch({
      store: from.store,
      search,
      actor: OPERATOR,
      // Shown to a Spanish reader: the columns still hold each language's own values.
      query: SearchQuery.parse({ template: 'Document', lang: 'es' }),
      format: 'csv',
      languages: 'all',
    }))
      csv += chunk;
    const header = csv.slice(1, csv.indexOf('\r\n')).split(',');
    expect(header).toContain('Language');
    expect(header).toContain('Title__ar');
    expect(header).toContain('Summary__ar');
    expect(header).toContain('Source__ar');
    expect(header).toContain('Body__ru');
    expect(header).not.toContain('Pages__ar');
    const plan = await planCsvImport({ store: empty.store, text: csv, template: 'Document' });
    expect(plan.problems).toEqual([]);
    await runCsvImport({ store: empty.store, actor: OPERATOR, plan, sha256: 'all', name: 'all.csv' });
    const read = async (store: Store) =>
      (await store.entities.list({ limit: 50, offset: 0, sort: 'title', publishedOnly: false })).items
        .filter((e) => e.template === 'Document')
        .map((e) => ({ title: e.title, language: e.language, translations: e.translations }));
    const [before, after] = [await read(from.store), await read(empty.store)];
    expect(after).toEqual(before);
    expect(after.find((e) => e.title === 'Minimal')?.translations.ru?.metadata?.body).toBe('Только *текст*');
    expect(after[1]?.translations.ar?.title).toBe('الاستراتيجية الوطنية');
  } finally {
    await empty.cleanup();
  }
});

it('carries the files through an export with files (a ZIP the import reads): same values, same bytes', async () => {
  const empty = await createTempStore();
  try {
    await catalogue(empty.store);
    const docs = (
      await from.store.entities.list({ limit: 50, offset: 0, sort: 'title', publishedOnly: false })
    ).items.filter((e) => e.template === 'Document');
    const [minimal, strategy] = [
      docs.find((d) => d.title === 'Minimal')!,
      docs.find((d) => d.title !== 'Minimal')!,
    ];
    const upload = (entityId: string, filename: string, text: string, role: 'document' | 'attachment') =>
      uploadFile({
        store: from.store,
        actor: OPERATOR,
        entityId,
        filename,
        content: Buffer.from(text),
        role,
      });
    await upload(strategy.id, 'report.pdf', '%PDF-1.4 the strategy', 'document');
    // The same name twice in one entity, and once more in another: each keeps its own bytes.
    await upload(strategy.id, 'report.pdf', '%PDF-1.4 its French version', 'document');
    await upload(strategy.id, 'annexe | tableau.csv', 'a,b\r\n1,2\r\n', 'attachment');
    const audio = await upload(strategy.id, 'interview.mp3', 'ID3 not really audio', 'attachment');
    await upload(minimal.id, 'report.pdf', '%PDF-1.4 a minimal report', 'document');
    await updateEntity({
      store: from.store,
      actor: OPERATOR,
      id: strategy.id,
      patch: { metadata: { recording: fileDownloadPath(audio.id) } },
    });

    // The plain CSV names this site's file by its full address, which works from anywhere.
    let csv = '';
    for await (const chunk of await exportSearch({
      store: from.store,
      search,
      actor: OPERATOR,
      query: SearchQuery.parse({ template: 'Document' }),
      format: 'csv',
      origin: 'https://portal.example',
    }))
      csv += chunk;
    expect(csv).toContain(`https://portal.example/api/v1/files/${audio.id}/download`);

    const stream = await exportSearchZip({
      store: from.store,
      search,
      actor: OPERATOR,
      query: SearchQuery.parse({ template: 'Document' }),
      languages: 'all',
      origin: 'https://portal.example',
    });
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const zip = new Uint8Array(Buffer.concat(chunks));
    const entries = unzipSync(zip);
    expect(Object.keys(entries).sort()).toEqual(
      [
        'import.csv',
        `files/${minimal.id}/report.pdf`,
        `files/${strategy.id}/report.pdf`,
        `files/${strategy.id}/report (2).pdf`,
        `files/${strategy.id}/annexe - tableau.csv`,
        `files/${strategy.id}/interview.mp3`,
      ].sort(),
    );
    const inside = new TextDecoder().decode(entries['import.csv']);
    expect(inside).toContain(`files/${strategy.id}/interview.mp3`);
    expect(inside).not.toContain('https://portal.example');

    const source = readImportFile(zip);
    const plan = await planCsvImport({
      store: empty.store,
      text: source.text,
      template: 'Document',
      files: new Set(source.files.keys()),
    });
    expect(plan.problems).toEqual([]);
    await runCsvImport({
      store: empty.store,
      actor: OPERATOR,
      plan,
      sha256: source.sha256,
      name: 'with-files.zip',
      fileContent: (n) => source.files.get(n),
    });
    const read = async (store: Store) => {
      const all = (await store.entities.list({ limit: 50, offset: 0, sort: 'title', publishedOnly: false }))
        .items;
      const titleOf = new Map(all.map((e) => [e.id, e.title]));
      return Promise.all(
        all
          .filter((e) => e.template === 'Document')
          .map(async (e) => {
            const files = await store.files.listByEntity(e.id);
            const hashOf = new Map(files.map((f) => [f.id, f.sha256]));
            const recording = e.metadata.recording as string | undefined;
            return {
              title: e.title,
              translations: e.translations,
              metadata: {
                ...e.metadata,
                states: (e.metadata.states as string[] | undefined)?.map((s) => titleOf.get(s)),
                // The address names the new portal's copy: compared by the bytes it names.
                recording: recording && hashOf.get(decodeURIComponent(recording.split('/')[4]!)),
              },
              files: files
                .map((f) => ({ name: f.filename, role: f.role, sha256: f.sha256 }))
                .sort((a, b) => a.sha256.localeCompare(b.sha256)),
            };
          }),
      );
    };
    const [before, after] = [await read(from.store), await read(empty.store)];
    expect(after.flatMap((e) => e.files)).toHaveLength(5);
    expect(after.find((e) => e.title !== 'Minimal')?.metadata.recording).toBe(
      createHash('sha256').update('ID3 not really audio').digest('hex'),
    );
    // Names as the ZIP gives them: a second "report.pdf" of one entity numbered, `|` (the cell separator) replaced.
    expect(after.flatMap((e) => e.files.map((f) => f.name)).sort()).toEqual(
      ['annexe - tableau.csv', 'interview.mp3', 'report (2).pdf', 'report.pdf', 'report.pdf'].sort(),
    );
    const unnamed = (docs: typeof before) =>
      docs.map((d) => ({ ...d, files: d.files.map(({ name: _, ...f }) => f) }));
    expect(unnamed(after)).toEqual(unnamed(before));
  } finally {
    await empty.cleanup();
  }
});
