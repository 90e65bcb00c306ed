import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { drainIngestQueue } from '../cli/context.ts';
import { SearchQuery } from '../domain/schemas/search.ts';
import { OPERATOR } from '../operations/permissions.ts';
import { searchEntities } from '../operations/search-entities.ts';
import { createSearchPool, type SearchPool } from '../store/sqlite/search/worker-pool.ts';
import { SAMPLE_LABELS, sampleDocuments } from './documents/index.ts';
import { type DemoResult, loadDemo, versionDocument } from './load-demo.ts';
import { renderDocumentPdf } from './render/render-pdf.ts';

// Issue 11 item 6: the demo's Arabic, Chinese and Russian samples, loaded and ingested as the demo does,
// are found by a phrase in their own script at the page the renderer printed it on, and so are the French
// and Spanish versions (accents and all); the documents with a version in another language hold one file per
// language, and the entity carries the translated title; at least a third of the samples are in more than
// one language.
let t: TempStore;
let pool: SearchPool;
let demo: DemoResult;

beforeAll(async () => {
  t = await createTempStore();
  demo = await loadDemo({ store: t.store });
  await drainIngestQueue(t.store, t.config);
  pool = createSearchPool({ sqlite: t.store.sqlite.sqlite, workers: 0 });
}, 300_000);
afterAll(async () => {
  await pool.close();
  await t.cleanup();
});

/** The page a phrase was printed on, from the renderer's own truth for that language version. */
async function printedPage(key: string, language: string, phrase: string): Promise<number> {
  const doc = sampleDocuments.find((d) => d.key === key)!;
  const version =
    doc.language === language
      ? doc
      : versionDocument(doc, doc.versions!.find((v) => v.language === language)!);
  const { truth } = await renderDocumentPdf(version);
  const p = truth.paragraphs.find((x) => x.text.includes(phrase));
  if (!p) throw new Error(`"${phrase}" is not in ${key} (${language})`);
  return p.page;
}

describe.each([
  ['ar', 'egy-oewg-statement-2024', 'الدليل العالمي لجهات الاتصال'],
  ['zh', 'chn-oewg-statement-2024', '网络空间命运共同体'],
  ['ru', 'kaz-cyber-concept-2023', 'ответственного раскрытия сведений об уязвимостях'],
  ['fr', 'fra-international-law-cyberspace', 'réserve cette faculté au seul État lésé'],
  ['es', 'eu-oewg-statement-2024', 'conjunto de instrumentos de ciberdiplomacia'],
  ['en', 'sen-strategie-nationale-cybersecurite-2023', 'National Cybersecurity Authority'],
])('the %s sample', (language, key, phrase) => {
  it('is found by a phrase in its own script, at the page it is printed on', async () => {
    const entityId = demo.documents.find((d) => d.key === key)!.entityId;
    const result = await searchEntities({
      search: pool,
      actor: OPERATOR,
      query: SearchQuery.parse({ q: `"${phrase}"` }),
    });
    const hit = result.items.find((i) => i.entity.id === entityId);
    expect(hit, `no hit for ${phrase}`).toBeDefined();
    const page = await printedPage(key, language, phrase);
    expect(hit!.snippets.map((s) => s.page)).toContain(page);
  });

  it('is one entity with a file per language and its title in each', async () => {
    const entityId = demo.documents.find((d) => d.key === key)!.entityId;
    const entity = (await t.store.entities.findById(entityId))!;
    const doc = sampleDocuments.find((d) => d.key === key)!;
    const files = await t.store.files.listByEntity(entityId);
    const languages = [doc.language, ...(doc.versions ?? []).map((v) => v.language)];
    expect(files.map((f) => f.language).sort()).toEqual([...languages].sort());
    for (const v of doc.versions ?? []) expect(entity.translations[v.language]?.title).toBe(v.title);
  });
});

describe('the demo collection', () => {
  it('has at least a third of its sample documents in more than one language, as loaded', async () => {
    const multilingual = [];
    for (const { key, entityId } of demo.documents) {
      const entity = (await t.store.entities.findById(entityId))!;
      const languages = new Set([entity.language, ...Object.keys(entity.translations)]);
      const files = await t.store.files.listByEntity(entityId);
      for (const f of files) languages.add(f.language ?? entity.language);
      if (languages.size > 1) multilingual.push(key);
    }
    expect(multilingual.length * 3, multilingual.join(', ')).toBeGreaterThanOrEqual(demo.documents.length);
    // Each translated entity says in every language that it is a sample.
    for (const doc of sampleDocuments) {
      const entity = (await t.store.entities.findById(
        demo.documents.find((d) => d.key === doc.key)!.entityId,
      ))!;
      for (const [language, tr] of Object.entries(entity.translations))
        expect(SAMPLE_LABELS, `${doc.key} ${language}`).toContain(tr.metadata?.sample);
    }
  });
});
