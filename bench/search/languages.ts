/**
 * Search per language: recall and latency per language on a labelled query set, beside English, in one run.
 * `npx tsx bench/search/languages.ts [--paragraphs 200000] [--runs 3] [--keep DIR]` → bench/.out/search-languages.md
 *
 * `--keep DIR` builds the corpus once into DIR (its database and the labelled sets, `corpus.json`) and, on a
 * later run with the same DIR and size, reopens it and runs only the queries: the 200k build takes half an
 * hour on a loaded machine, the queries minutes.
 *
 * The corpus: documents in six languages (English 40 %, French, Spanish 15 % each, Russian, Arabic, Chinese
 * 10 % each), 40 paragraphs each of filler words in the language's script. Into a few paragraphs per
 * labelled family a form of a real word is written ("stratégiques"); the query is another form of it
 * ("stratégie", "الأمن" for "بالْأَمْنِ", "стратегия" for "стратегией", "网络安全" inside a sentence).
 * Recall: labelled documents found / labelled documents, every language searched (the default) and the
 * document's language only (the "only in my language" switch). Latency: the whole in-process search
 * (ranking, facets, snippets, cards), one query at a time.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type Database from 'better-sqlite3';
import { databasePath, openDatabase } from '../../src/store/sqlite/open-database.ts';
import { reindexAll } from '../../src/store/sqlite/search/indexer.ts';
import { search } from '../../src/store/sqlite/search/search.ts';
import { createFixture } from '../../src/store/sqlite/search/test-fixtures.ts';
import { mulberry32 } from './corpus.ts';

const { values: args } = parseArgs({
  options: {
    paragraphs: { type: 'string', default: '200000' },
    runs: { type: 'string', default: '3' },
    keep: { type: 'string' },
  },
});
const PARAGRAPHS = Number(args.paragraphs);
const RUNS = Number(args.runs);
const PER_DOC = 40;
const TARGETS = 5;
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** Labelled families: the forms written into documents, and the forms a reader types. */
const FAMILIES: Record<string, { written: string[]; typed: string[] }[]> = {
  en: [
    { written: ['strategies'], typed: ['strategy'] },
    { written: ['protecting'], typed: ['protected', 'protection'] },
    { written: ['infrastructures'], typed: ['infrastructure'] },
    { written: ['cooperating'], typed: ['cooperation'] },
    { written: ['attacked'], typed: ['attacks'] },
    { written: ['regulations'], typed: ['regulation'] },
    { written: ['incidents'], typed: ['incident'] },
    // One lemma per family, as in the other languages: "threats" (the noun threat) is not a form of
    // "threatened" (the verb threaten), and no English stemmer joins them (Snowball: threaten / threat).
    { written: ['threatened'], typed: ['threatening', 'threaten'] },
  ],
  fr: [
    { written: ['stratégiques'], typed: ['stratégie', 'strategie'] },
    { written: ['sécurités'], typed: ['sécurité', 'securite'] },
    { written: ['nationales'], typed: ['national'] },
    { written: ['attaques'], typed: ['attaque'] },
    { written: ['coopérations'], typed: ['coopération', 'cooperation'] },
    { written: ['menaces'], typed: ['menace'] },
    { written: ['réglementations'], typed: ['réglementation'] },
    { written: ['protections'], typed: ['protection'] },
  ],
  es: [
    { written: ['estrategias'], typed: ['estrategia'] },
    { written: ['políticas'], typed: ['politica', 'política'] },
    { written: ['nacionales'], typed: ['nacional'] },
    { written: ['ataques'], typed: ['ataque'] },
    { written: ['amenazas'], typed: ['amenaza'] },
    { written: ['infraestructuras'], typed: ['infraestructura'] },
    { written: ['incidentes'], typed: ['incidente'] },
    { written: ['protecciones'], typed: ['protección'] },
  ],
  ru: [
    { written: ['стратегией'], typed: ['стратегия', 'стратегии'] },
    { written: ['безопасности'], typed: ['безопасность'] },
    { written: ['угрозой'], typed: ['угроза', 'угрозы'] },
    { written: ['атаками'], typed: ['атака'] },
    { written: ['сотрудничества'], typed: ['сотрудничество'] },
    { written: ['инфраструктуры'], typed: ['инфраструктура'] },
    { written: ['инцидентов'], typed: ['инцидент'] },
    { written: ['защиту'], typed: ['защита'] },
  ],
  ar: [
    { written: ['والاستراتيجيات'], typed: ['الاستراتيجية', 'استراتيجية'] },
    { written: ['بالْأَمْنِ'], typed: ['الأمن', 'أمن'] },
    { written: ['التهديدات'], typed: ['تهديدات'] },
    { written: ['الهجمات'], typed: ['هجمات'] },
    { written: ['والتعاون'], typed: ['التعاون', 'تعاون'] },
    { written: ['الحوادث'], typed: ['حوادث'] },
    { written: ['الحماية'], typed: ['حماية'] },
    { written: ['للدولـــة'], typed: ['الدولة', 'دولة'] },
  ],
  zh: [
    { written: ['网络安全'], typed: ['网络安全'] },
    { written: ['国家战略'], typed: ['战略'] },
    { written: ['关键基础设施'], typed: ['基础设施'] },
    { written: ['国际合作'], typed: ['合作'] },
    { written: ['网络攻击'], typed: ['攻击'] },
    { written: ['安全威胁'], typed: ['威胁'] },
    { written: ['数据保护'], typed: ['保护'] },
    { written: ['网络安全战略'], typed: ['网络安全战略'] },
  ],
};
const SHARE: [string, number][] = [
  ['en', 0.4],
  ['fr', 0.15],
  ['es', 0.15],
  ['ru', 0.1],
  ['ar', 0.1],
  ['zh', 0.1],
];

const rand = mulberry32(11);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const LATIN = 'bcdfgklmnprstvz';
const CYRILLIC = 'бвгдклмнпрстфхц';
const ARABIC = 'بتثجخدذرزسشصضطظغفقكلمن';
// Filler Han characters that form none of the labelled words.
const HAN = '山水火木金土日月星云风雨花草鸟鱼马牛羊石田川竹米茶酒书画琴棋诗歌舞';
const filler: Record<string, () => string> = {
  en: () => word(LATIN, 'aeiou'),
  fr: () => word(LATIN, 'aeiouéè'),
  es: () => word(LATIN, 'aeioué'),
  ru: () => word(CYRILLIC, 'аеиоуя'),
  ar: () => word(ARABIC, 'اوي'),
  zh: () => Array.from({ length: 2 }, () => pick([...HAN])).join(''),
};
function word(consonants: string, vowels: string) {
  let w = '';
  for (let i = 0, n = 2 + Math.floor(rand() * 3); i < n; i++) w += pick([...consonants]) + pick([...vowels]);
  return w;
}
function paragraph(lang: string, insert?: string): string {
  const words = Array.from({ length: 40 + Math.floor(rand() * 40) }, filler[lang]!);
  if (insert) words.splice(Math.floor(rand() * words.length), 0, insert);
  // Chinese is written without spaces: the labelled word sits inside a sentence.
  return lang === 'zh' ? `${words.join('')}。` : `${words.join(' ')}.`;
}

type Labelled = { lang: string; typed: string[]; ids: string[] };
/** What a kept corpus remembers besides its database: its size, its labelled sets and how long it took. */
type Kept = { paragraphsAsked: number; labelled: Labelled[]; writeSeconds: number; indexSeconds: number };

const docs = Math.round(PARAGRAPHS / PER_DOC);
const keepDir = args.keep ? resolve(args.keep) : null;
const keptFile = keepDir ? join(keepDir, 'corpus.json') : null;
const kept = keptFile && existsSync(keptFile) ? (JSON.parse(readFileSync(keptFile, 'utf8')) as Kept) : null;
if (kept && kept.paragraphsAsked !== PARAGRAPHS) {
  console.error(
    `${keepDir} holds a corpus of ${kept.paragraphsAsked} paragraphs: give --paragraphs ${kept.paragraphsAsked}, or another --keep directory.`,
  );
  process.exit(2);
}
const corpus = kept ? await reopen(keepDir!, kept) : await build();
const { sqlite, labelled, writeSeconds, indexSeconds } = corpus;

/** The kept corpus as it was built (its database migrated if the schema moved on since). */
async function reopen(dir: string, k: Kept) {
  console.log(
    `Reusing the corpus kept in ${dir} (built in ${(k.writeSeconds + k.indexSeconds).toFixed(0)} s)`,
  );
  const handle = await openDatabase(dir);
  return { ...k, sqlite: handle.sqlite, close: () => handle.db.destroy() };
}

/** Writes the corpus and indexes it; with --keep, copies the database and the labelled sets into DIR. */
async function build(): Promise<Kept & { sqlite: Database.Database; close: () => Promise<void> }> {
  const fx = await createFixture();
  fx.template('Document', []);
  const labelled: Labelled[] = [];
  const started = performance.now();
  fx.sqlite.transaction(() => {
    for (const [lang, share] of SHARE) {
      const n = Math.round(docs * share);
      const families = FAMILIES[lang]!.map((f) => ({ ...f, ids: [] as string[] }));
      for (let i = 0; i < n; i++) {
        const id = fx.entity({ template: 'Document', title: `${lang} ${i}`, language: lang });
        const family = i < families.length * TARGETS ? families[i % families.length]! : null;
        const texts = Array.from({ length: PER_DOC }, (_, k) =>
          paragraph(lang, family && k === 7 ? pick(family.written) : undefined),
        );
        fx.file(id, texts, { language: lang });
        family?.ids.push(id);
      }
      for (const f of families) labelled.push({ lang, typed: f.typed, ids: f.ids });
    }
  })();
  const writeSeconds = (performance.now() - started) / 1000;
  const indexStarted = performance.now();
  reindexAll({ sqlite: fx.sqlite });
  const indexSeconds = (performance.now() - indexStarted) / 1000;
  const built = { paragraphsAsked: PARAGRAPHS, labelled, writeSeconds, indexSeconds };
  if (!keepDir) return { ...built, sqlite: fx.sqlite, close: () => fx.close() };
  mkdirSync(keepDir, { recursive: true });
  // A compact copy of the whole database, indexes included; corpus.json last, so a build cut short is redone.
  fx.sqlite.prepare('VACUUM INTO ?').run(databasePath(keepDir));
  writeFileSync(keptFile!, JSON.stringify(built));
  await fx.close();
  console.log(`Corpus kept in ${keepDir}: the next run with --keep ${args.keep} runs only the queries`);
  return reopen(keepDir, built);
}

const paragraphs = sqlite.prepare('SELECT count(*) FROM paragraphs').pluck().get() as number;
console.log(
  `${paragraphs} paragraphs written in ${writeSeconds.toFixed(1)} s, indexed in ${indexSeconds.toFixed(1)} s`,
);

const viewer = { canSeeUnpublished: true };
const p = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const rows: string[] = [];
const loadBefore = loadavg();
for (const [lang] of SHARE) {
  const sets = labelled.filter((l) => l.lang === lang);
  let wanted = 0;
  let foundAll = 0;
  let foundOwn = 0;
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++)
    for (const set of sets)
      for (const q of set.typed) {
        const t = performance.now();
        const all = search(sqlite, { q, viewer, limit: 100 });
        times.push(performance.now() - t);
        if (run > 0) continue;
        const own = search(sqlite, {
          q,
          viewer,
          limit: 100,
          filters: { language: { values: [lang], op: 'or' } },
        });
        const hit = (r: typeof all) => new Set(r.items.map((i) => i.entity.id));
        const a = hit(all);
        const o = hit(own);
        wanted += set.ids.length;
        foundAll += set.ids.filter((id) => a.has(id)).length;
        foundOwn += set.ids.filter((id) => o.has(id)).length;
      }
  const pct = (n: number) => `${((100 * n) / wanted).toFixed(0)} %`;
  rows.push(
    `| ${lang} | ${sets.reduce((n, s) => n + s.typed.length, 0)} | ${wanted} | ${pct(foundAll)} | ${pct(foundOwn)} | ${p(times, 0.5).toFixed(1)} | ${p(times, 0.95).toFixed(1)} |`,
  );
  console.log(rows.at(-1));
}
const report = `# Search per language (bench/search/languages.ts)

${paragraphs} paragraphs in ${docs} documents (en 40 %, fr 15 %, es 15 %, ru 10 %, ar 10 %, zh 10 %), written
in ${writeSeconds.toFixed(1)} s (paragraph index by trigger), entity index rebuilt in ${indexSeconds.toFixed(1)} s${kept ? ` (built by an earlier run, kept in ${args.keep})` : ''}.
Machine: 2 cores, shared; load average ${loadBefore} before the queries, ${loadavg()} after.
Each labelled family: ${TARGETS} documents holding one written form, queried by other forms. Latency: the
whole in-process search with facets, snippets and cards, ${RUNS} rounds of every query.

| language | queries | labelled documents | recall, every language | recall, own language only | median ms | p95 ms |
|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
mkdirSync('bench/.out', { recursive: true });
writeFileSync('bench/.out/search-languages.md', report);
console.log(report);
await corpus.close();
