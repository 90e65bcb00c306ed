import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { CsvFormatError } from '../../domain/csv/read-csv.ts';
import { createEntity } from '../create-entity.ts';
import type { ValidationFailed } from '../errors.ts';
import { OPERATOR } from '../permissions.ts';
import { saveTemplate } from '../save-template.ts';
import { saveThesaurus } from '../save-thesaurus.ts';
import { planCsvImport } from './plan-csv-import.ts';
import { readImportFile } from './read-import-file.ts';
import { runCsvImport } from './run-csv-import.ts';

const FLAGS = { required: false, filterable: false, showInCard: false };
let t: TempStore;

beforeEach(async () => {
  t = await createTempStore();
  const store = t.store;
  await saveThesaurus({
    store,
    actor: OPERATOR,
    input: {
      name: 'documentType',
      label: 'Document type',
      values: [
        { id: 'national-strategy', label: 'National strategy', labels: { fr: 'Stratégie nationale' } },
        { id: 'law', label: 'Law' },
        { id: 'sector', label: 'Sectoral' },
        { id: 'energy', label: 'Energy', group: 'sector' },
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
        { ...FLAGS, name: 'tags', label: 'Tags', type: 'multiselect', thesaurus: 'documentType' },
        { ...FLAGS, name: 'states', label: 'States', type: 'relationship', targetTemplate: 'State' },
        { ...FLAGS, name: 'adopted', label: 'Adopted', type: 'date' },
        { ...FLAGS, name: 'inForce', label: 'In force', type: 'daterange' },
        { ...FLAGS, name: 'pages', label: 'Pages', type: 'number' },
        { ...FLAGS, name: 'seat', label: 'Seat', type: 'geolocation' },
        { ...FLAGS, name: 'source', label: 'Source', type: 'link' },
        { ...FLAGS, name: 'summary', label: 'Summary', type: 'text', required: true },
        { ...FLAGS, name: 'clip', label: 'Clip', type: 'media' },
        { ...FLAGS, name: 'cover', label: 'Cover', type: 'image' },
      ],
    },
  });
  for (const title of ['Egypt', 'France', 'Kenya'])
    await createEntity({ store, actor: OPERATOR, input: { template: 'State', title, published: true } });
});
afterEach(() => t.cleanup());

const plan = (text: string, opts: { addNewValues?: boolean; files?: Set<string> } = {}) =>
  planCsvImport({ store: t.store, text, template: 'Document', ...opts });
const documents = async () =>
  (await t.store.entities.list({ limit: 500, offset: 0, sort: 'title', publishedOnly: false })).items.filter(
    (e) => e.template === 'Document',
  );

describe('reading hostile CSV files', () => {
  it('reads semicolons, a BOM, CRLF, quotes and line breaks in cells, and every property type', async () => {
    const text =
      '\uFEFFTitle;title__fr;Type;Tags;States;Adopted;In force;Pages;Seat;Source;Summary;summary__fr\r\n' +
      '"Strategy ""2030""";Stratégie 2030;Stratégie nationale;law|Sectoral::Energy;egypt | France;2021-05;2021:2030;12,5;30.04|31.23;Gazette|https://a.example/x;"Line one\r\nline two";Résumé\r\n';
    const p = await plan(text);
    expect(p.problems).toEqual([]);
    expect(p.delimiter).toBe(';');
    const [row] = p.planned;
    const states = new Map(
      (await t.store.entities.list({ limit: 10, offset: 0, sort: 'title', publishedOnly: false })).items.map(
        (e) => [e.title, e.id],
      ),
    );
    expect(row?.input).toMatchObject({
      title: 'Strategy "2030"',
      translations: { fr: { title: 'Stratégie 2030', metadata: { summary: 'Résumé' } } },
      metadata: {
        documentType: 'national-strategy',
        tags: ['law', 'energy'],
        states: [states.get('Egypt'), states.get('France')],
        adopted: '2021-05',
        inForce: { from: '2021', to: '2030' },
        pages: 12.5,
        seat: { lat: 30.04, lon: 31.23 },
        source: [{ label: 'Gazette', url: 'https://a.example/x' }],
        summary: 'Line one\r\nline two',
      },
    });
  });

  it('names every bad row and column, and a column that names no property, before anything is written', async () => {
    const p = await plan(
      'title,Adopted,Pages,Colour,States,Summary\n' +
        'A,not a date,12,red,Egypt,ok\n' +
        'B,2020,twelve,blue,Atlantis,ok\n' +
        ',2020,1,green,,ok\n' +
        'D,2020,1,green,,\n',
    );
    expect(p.problems).toEqual(
      expect.arrayContaining([
        // Each with the code and values the web app words in the reader's language (problems.csv.*).
        {
          column: 'Colour',
          message: 'names no property of Document (Document)',
          code: 'csv.noProperty',
          params: { template: 'Document' },
        },
        expect.objectContaining({
          row: 2,
          column: 'Adopted',
          message: expect.stringContaining('not a date'),
          code: 'csv.notDate',
          params: { cell: 'not a date' },
        }),
        expect.objectContaining({
          row: 3,
          column: 'Pages',
          message: '"twelve" is not a number',
          code: 'csv.notNumber',
        }),
        expect.objectContaining({
          row: 3,
          column: 'States',
          message: 'no State is titled "Atlantis"',
          code: 'csv.noSuchTitle',
          params: { cell: 'Atlantis' },
        }),
        expect.objectContaining({ row: 4, column: 'title', message: 'is empty', code: 'csv.titleEmpty' }),
        expect.objectContaining({
          row: 5,
          column: 'Summary',
          message: 'Summary is required',
          code: 'required',
          params: { property: 'summary', label: 'Summary' },
        }),
      ]),
    );
    expect(await documents()).toEqual([]);
  });

  it('checks 10,000 rows whole and names each bad one by its row, writing nothing', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      i % 2000 === 1999
        ? `"Row ${i}, quoted",someday,s`
        : `"Row ${i}, quoted",${2000 + (i % 25)}-0${1 + (i % 9)},s`,
    );
    const p = await plan(`\uFEFFtitle,Adopted,Summary\r\n${rows.join('\r\n')}\r\n`);
    expect(p.rows).toBe(10_000);
    expect(p.problems.map((x) => [x.row, x.column])).toEqual(
      [2001, 4001, 6001, 8001, 10_001].map((row) => [row, 'Adopted']),
    );
    expect(p.planned).toHaveLength(9_995);
    expect(p.planned[0]?.input).toMatchObject({ title: 'Row 0, quoted', metadata: { adopted: '2000-01' } });
    expect(await documents()).toEqual([]);
  });

  it('refuses a row with a cell too many (a wrong delimiter or an open quote) with its row number', async () => {
    const error = await plan('title,Summary\nA,one\nB,two,three\n').catch((e) => e);
    expect(error).toBeInstanceOf(CsvFormatError);
    expect(error.message).toMatch(/^row 3: has 3 cells where the header has 2/);
    expect(await plan('title|Summary\nA|b\n').catch((e) => e.constructor)).not.toBe(CsvFormatError);
  });

  it('refuses a file that is not UTF-8, and a ZIP without import.csv', () => {
    const reason = (bytes: Uint8Array) => {
      try {
        readImportFile(bytes);
      } catch (e) {
        return (e as ValidationFailed).errors[0]?.message;
      }
    };
    expect(reason(Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xe9, 0x0a]))).toMatch(/not UTF-8/);
    expect(reason(zipSync({ 'data.csv': Buffer.from('title\nA\n') }))).toMatch(/no import.csv/);
  });
});

describe('thesaurus values', () => {
  it('refuses unknown values unless asked, then adds each distinct label once, whatever its case or spacing', async () => {
    const rows = Array.from(
      { length: 120 },
      (_, i) => `Doc ${i},${['Decree', 'decree ', ' DECREE', 'Law'][i % 4]},s`,
    );
    const text = `title,Type,Summary\n${rows.join('\n')}\n`;
    const refused = await plan(text);
    expect(refused.problems).toHaveLength(90);
    expect(refused.problems[0]?.message).toBe(
      '"Decree" is not a value of Type (choose to add new values to add it)',
    );
    const accepted = await plan(text, { addNewValues: true });
    expect(accepted.problems).toEqual([]);
    expect(accepted.newValues).toEqual([{ thesaurus: 'documentType', id: 'decree', label: 'Decree' }]);
    const result = await runCsvImport({
      store: t.store,
      actor: OPERATOR,
      plan: accepted,
      sha256: 'a',
      name: 'a.csv',
    });
    expect(result).toMatchObject({ created: 120, valuesAdded: 1 });
    const values = (await t.store.thesauri.findByName('documentType'))!.values;
    expect(values.map((v) => v.id)).toEqual(['national-strategy', 'law', 'sector', 'energy', 'decree']);
    expect(values.find((v) => v.id === 'national-strategy')?.labels).toEqual({ fr: 'Stratégie nationale' });
    // A second file naming it again finds it: no second "Decree".
    const again = await plan('title,Type,Summary\nX,DECREE,s\n', { addNewValues: true });
    expect(again.newValues).toEqual([]);
    expect(again.planned[0]?.input.metadata?.documentType).toBe('decree');
  });
  it('adds grouped values `group::child` under their group, making the group when missing, each once', async () => {
    const cells = [
      'Sectoral::Transport',
      'sectoral :: transport ',
      'SECTORAL::TRANSPORT',
      'Sectoral::Energy',
      'Regional::Africa',
      ' regional::AFRICA',
      'Regional::Asia',
      'Transport',
    ];
    const text = `title,Type,Tags,Summary\n${cells.map((c, i) => `Doc ${i},${c},Regional::Africa|Sectoral::Rail,s`).join('\n')}\n`;
    const refused = await plan(text);
    expect(refused.problems.map((p) => p.message)).toContain(
      '"Sectoral::Transport" is not a value of Type (choose to add new values to add it)',
    );
    const accepted = await plan(text, { addNewValues: true });
    expect(accepted.problems).toEqual([]);
    expect(accepted.newValues).toEqual([
      { thesaurus: 'documentType', id: 'transport', label: 'Transport', group: 'sector' },
      { thesaurus: 'documentType', id: 'regional', label: 'Regional' },
      { thesaurus: 'documentType', id: 'africa', label: 'Africa', group: 'regional' },
      { thesaurus: 'documentType', id: 'rail', label: 'Rail', group: 'sector' },
      { thesaurus: 'documentType', id: 'asia', label: 'Asia', group: 'regional' },
    ]);
    const result = await runCsvImport({
      store: t.store,
      actor: OPERATOR,
      plan: accepted,
      sha256: 'g',
      name: 'g.csv',
    });
    expect(result).toMatchObject({ created: 8, valuesAdded: 5 });
    const values = (await t.store.thesauri.findByName('documentType'))!.values;
    expect(values.map((v) => [v.id, v.group ?? null])).toEqual([
      ['national-strategy', null],
      ['law', null],
      ['sector', null],
      ['energy', 'sector'],
      ['transport', 'sector'],
      ['regional', null],
      ['africa', 'regional'],
      ['rail', 'sector'],
      ['asia', 'regional'],
    ]);
    const byTitle = new Map((await documents()).map((d) => [d.title, d.metadata]));
    expect(byTitle.get('Doc 2')?.documentType).toBe('transport');
    expect(byTitle.get('Doc 3')?.documentType).toBe('energy');
    expect(byTitle.get('Doc 5')?.documentType).toBe('africa');
    // A plain label matches the grouped value of that label: no top-level twin.
    expect(byTitle.get('Doc 7')?.documentType).toBe('transport');
    expect(byTitle.get('Doc 0')?.tags).toEqual(['africa', 'rail']);
    // Named again in another file, in another spelling: found, nothing added.
    const again = await plan('title,Type,Summary\nX,regional::ASIA,s\n', { addNewValues: true });
    expect(again.newValues).toEqual([]);
    expect(again.planned[0]?.input.metadata?.documentType).toBe('asia');
  });
});

describe('a durable import', () => {
  it('resumes after the last written row when cut off, writing no row twice', async () => {
    const text = `title,Summary\n${Array.from({ length: 95 }, (_, i) => `Row ${i + 2},s`).join('\n')}\n`;
    const p = await plan(text);
    let batches = 0;
    const cut = await runCsvImport({
      store: t.store,
      actor: OPERATOR,
      plan: p,
      sha256: 'same-file',
      name: 'rows.csv',
      batchSize: 20,
      onProgress: () => {
        if (++batches === 2) throw new Error('killed');
      },
    }).catch((e) => e);
    expect(cut.message).toBe('killed');
    expect(await documents()).toHaveLength(40);
    const resumed = await runCsvImport({
      store: t.store,
      actor: OPERATOR,
      plan: await plan(text),
      sha256: 'same-file',
      name: 'rows.csv',
      batchSize: 20,
    });
    expect(resumed).toMatchObject({ created: 55, resumedAfterRow: 41 });
    const titles = (await documents()).map((d) => d.title);
    expect(titles).toHaveLength(95);
    expect(new Set(titles).size).toBe(95);
    expect((await t.store.jobs.findById(resumed.jobId))?.status).toBe('done');
  });

  it('attaches the files a ZIP carries to their rows', async () => {
    const zip = zipSync({
      'import.csv': Buffer.from(
        'title,Summary,file,attachments,Clip,clip__fr,Cover\n' +
          'With file,s,strategy.txt,annex.txt,annex.txt,https://v.example/fr.mp4,https://img.example/c.png\n',
      ),
      'strategy.txt': Buffer.from('The national strategy.'),
      'annex.txt': Buffer.from('Annex one.'),
    });
    const source = readImportFile(zip);
    const p = await plan(source.text, { files: new Set(source.files.keys()) });
    expect(p.problems).toEqual([]);
    const missing = await plan('title,Summary,file\nA,s,gone.pdf\n', { files: new Set(source.files.keys()) });
    expect(missing.problems[0]?.message).toBe('"gone.pdf" is not in the ZIP');
    // A media cell may name a file of its row (decision 53); one the row does not attach, or no address, is refused.
    const unattached = await plan('title,Summary,Clip,Cover\nA,s,annex.txt,javascript:alert(1)\n', {
      files: new Set(source.files.keys()),
    });
    expect(unattached.problems.map((x) => [x.column, x.message])).toEqual([
      ['Cover', '"javascript:alert(1)" is not an http(s) address or a path on this site (/api/v1/files/…)'],
      [
        'Clip',
        '"annex.txt" is a file of the ZIP that this row does not attach (name it in its file or attachments column)',
      ],
    ]);
    const result = await runCsvImport({
      store: t.store,
      actor: OPERATOR,
      plan: p,
      sha256: source.sha256,
      name: 'import.zip',
      fileContent: (n) => source.files.get(n),
    });
    expect(result.filesAttached).toBe(2);
    const [doc] = await documents();
    // The `file` column names the row's document, the `attachments` column its attachments (decision 49).
    const files = await t.store.files.listByEntity(doc?.id ?? '');
    expect(files.map((f) => [f.filename, f.role]).sort()).toEqual([
      ['annex.txt', 'attachment'],
      ['strategy.txt', 'document'],
    ]);
    // The Clip cell named the attachment: it now holds that file's address; the other addresses as written.
    const annex = files.find((f) => f.filename === 'annex.txt')!;
    const saved = (await t.store.entities.findById(doc?.id ?? ''))!;
    expect(saved.metadata).toMatchObject({
      clip: `/api/v1/files/${annex.id}/download`,
      cover: 'https://img.example/c.png',
    });
    expect(saved.translations.fr?.metadata?.clip).toBe('https://v.example/fr.mp4');
  });
});
