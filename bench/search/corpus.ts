import type Database from 'better-sqlite3';

/** Deterministic PRNG (mulberry32), as in research/tech.md, so every run builds the same corpus. */
export function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export type Rand = () => number;

/** Zipf–Mandelbrot sampler over ranks 0..n-1: p(r) ∝ 1/(r+1+q)^s (tech.md: s=1, q=2.7). */
export function zipf(n: number, rand: Rand, s = 1, q = 2.7): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) {
    sum += 1 / (r + 1 + q) ** s;
    cdf[r] = sum;
  }
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'z',
  'br',
  'tr',
  'st',
  'pl',
  'gr',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou'];

/** `n` distinct made-up words (2–4 syllables), most frequent first. */
export function vocabulary(n: number, rand: Rand): string[] {
  const words = new Set<string>();
  while (words.size < n) {
    const syllables = 2 + Math.floor(rand() * 3);
    let w = '';
    for (let i = 0; i < syllables; i++)
      w += ONSETS[Math.floor(rand() * ONSETS.length)]! + VOWELS[Math.floor(rand() * VOWELS.length)]!;
    words.add(w);
  }
  return [...words];
}

export const DOC_TYPES = [
  'legislation',
  'strategy',
  'statement',
  'position-paper',
  'report',
  'decree',
  'guideline',
  'treaty',
];
export const REGIONS = ['africa', 'americas', 'asia-pacific', 'europe', 'middle-east'];
export const NORMS = Array.from({ length: 11 }, (_, i) => `norm-${String.fromCharCode(97 + i)}`);

export type CorpusInfo = {
  vocab: string[];
  states: string[];
  /** Facet values of real documents: filter pairs that match something. */
  docFacets: { documentType: string; state: string }[];
  /** Adjacent word pairs seen in paragraphs, for phrase queries. */
  phrases: string[];
  paragraphs: number;
  fileIds: string[];
  /** The hostile document (one huge paragraph), when added: its title word and file. */
  hostile?: { marker: string; fileId: string; chars: number; phrases: string[] };
};

const NOW = '2026-01-01T00:00:00.000Z';
const id = (prefix: string, n: number) => `${prefix}${n.toString(36).padStart(8, '0')}`;

/**
 * Writes templates, thesauri, 193 states and `docs` documents with `paragraphs` paragraphs in total
 * (log-normal document sizes, 40–120 words each, ~6 per page) straight into the tables; the paragraph
 * index fills through its triggers. The entity index is built afterwards by reindexAll.
 */
export function generateCorpus(
  sqlite: Database.Database,
  opts: { docs: number; paragraphs: number; seed: number },
): CorpusInfo {
  const rand = mulberry32(opts.seed);
  const vocab = vocabulary(20_000, rand);
  const word = zipf(vocab.length, rand);
  const stateRank = zipf(193, rand);
  const ins = {
    thesaurus: sqlite.prepare(
      `INSERT INTO thesauri (id, name, label, "values", created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    template: sqlite.prepare(
      `INSERT INTO templates (id, name, label, properties, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    entity: sqlite.prepare(
      `INSERT INTO entities (id, template_id, title, language, published, metadata, created_at, updated_at) VALUES (?, ?, ?, 'en', ?, ?, ?, ?)`,
    ),
    link: sqlite.prepare(`INSERT INTO entity_links (from_id, property, to_id) VALUES (?, ?, ?)`),
    file: sqlite.prepare(
      `INSERT INTO files (id, entity_id, filename, mime_type, kind, size, sha256, storage_key, status, language, page_count, paragraph_count, created_at, updated_at)
       VALUES (?, ?, ?, 'application/pdf', 'pdf', 0, '', ?, 'ready', 'en', ?, ?, ?, ?)`,
    ),
    paragraph: sqlite.prepare(
      `INSERT INTO paragraphs (id, file_id, ordinal, page, page_end, start, "end", text, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'en')`,
    ),
  };
  const label = (v: string) => v.replace(/-/g, ' ');
  const info: CorpusInfo = { vocab, states: [], docFacets: [], phrases: [], paragraphs: 0, fileIds: [] };
  sqlite.transaction(() => {
    const thesaurus = (name: string, values: string[]) =>
      ins.thesaurus.run(
        `ths${name.toLowerCase()}`,
        name,
        name,
        JSON.stringify(values.map((v) => ({ id: v, label: label(v) }))),
        NOW,
        NOW,
      );
    thesaurus('documentTypes', DOC_TYPES);
    thesaurus('regions', REGIONS);
    thesaurus('norms', NORMS);
    const prop = (name: string, type: string, extra: object = {}) => ({
      name,
      label: name,
      type,
      filterable: true,
      ...extra,
    });
    ins.template.run(
      'tplstate',
      'State',
      'State',
      JSON.stringify([prop('region', 'select', { thesaurus: 'regions' })]),
      NOW,
      NOW,
    );
    ins.template.run(
      'tpldocument',
      'Document',
      'Document',
      JSON.stringify([
        prop('documentType', 'select', { thesaurus: 'documentTypes' }),
        prop('norms', 'multiselect', { thesaurus: 'norms' }),
        prop('state', 'relationship', { targetTemplate: 'State' }),
        prop('date', 'date'),
        { name: 'summary', label: 'Summary', type: 'text' },
      ]),
      NOW,
      NOW,
    );
    for (let i = 0; i < 193; i++) {
      const sid = id('state', i);
      const name = `${vocab[500 + i]![0]!.toUpperCase()}${vocab[500 + i]!.slice(1)}ia`;
      ins.entity.run(
        sid,
        'tplstate',
        name,
        1,
        JSON.stringify({ region: REGIONS[i % REGIONS.length] }),
        NOW,
        NOW,
      );
      info.states.push(sid);
    }
  })();
  // Log-normal sizes scaled to the paragraph total.
  const raw = Array.from({ length: opts.docs }, () =>
    Math.exp(1.0 * Math.sqrt(-2 * Math.log(rand() || 1e-9)) * Math.cos(2 * Math.PI * rand())),
  );
  const scale = opts.paragraphs / raw.reduce((a, b) => a + b, 0);
  const sizes = raw.map((r) => Math.max(1, Math.round(r * scale)));
  let pn = 0;
  const BATCH = 250;
  for (let d0 = 0; d0 < opts.docs; d0 += BATCH) {
    sqlite.transaction(() => {
      for (let d = d0; d < Math.min(opts.docs, d0 + BATCH); d++) {
        const eid = id('doc', d);
        const state = info.states[stateRank()]!;
        const documentType = DOC_TYPES[Math.min(DOC_TYPES.length - 1, Math.floor(-Math.log(rand()) * 2))]!;
        const norms = NORMS.filter(() => rand() < 0.2);
        const year = 1990 + Math.floor(36 * Math.sqrt(rand()));
        const metadata = {
          documentType,
          ...(norms.length ? { norms } : {}),
          state: [state],
          date: `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}`,
          summary: Array.from({ length: 12 }, () => vocab[word()]).join(' '),
        };
        const title = Array.from({ length: 3 + Math.floor(rand() * 5) }, () => vocab[word()]).join(' ');
        ins.entity.run(eid, 'tpldocument', title, rand() < 0.9 ? 1 : 0, JSON.stringify(metadata), NOW, NOW);
        ins.link.run(eid, 'state', state);
        info.docFacets.push({ documentType, state });
        const fid = id('file', d);
        info.fileIds.push(fid);
        const size = sizes[d]!;
        ins.file.run(fid, eid, `${fid}.pdf`, fid, Math.ceil(size / 6), size, NOW, NOW);
        let offset = 0;
        for (let o = 0; o < size; o++) {
          const words = Array.from({ length: 40 + Math.floor(rand() * 81) }, () => vocab[word()]!);
          if (rand() < 0.002) info.phrases.push(`${words[10]} ${words[11]}`);
          const text = words.join(' ');
          ins.paragraph.run(
            id('p', pn++),
            fid,
            o,
            1 + Math.floor(o / 6),
            1 + Math.floor(o / 6),
            offset,
            offset + text.length,
            text,
          );
          offset += text.length + 2;
        }
      }
    })();
  }
  info.paragraphs = pn;
  return info;
}

/**
 * Issue 15: a published document whose text is one paragraph of `chars` characters of the corpus's own
 * words (an upload without line breaks, or data stored before ingestion split long paragraphs). Its title
 * holds a word no other document has, so a query with it puts this document on the first page and its
 * snippet is always built. Written before reindexAll, like the rest.
 */
export function addHostileDocument(
  sqlite: Database.Database,
  info: CorpusInfo,
  opts: { chars: number; seed: number },
): void {
  const rand = mulberry32(opts.seed);
  const word = zipf(info.vocab.length, rand);
  const marker = 'zzhostile';
  const words: string[] = [];
  const phrases: string[] = [];
  for (let n = 0; n < opts.chars; ) {
    const w = info.vocab[word()]!;
    words.push(w);
    n += w.length + 1;
    if (words.length % 5000 === 2) phrases.push(`${words.at(-2)} ${w}`);
  }
  const text = words.join(' ');
  const eid = 'dochostile';
  const fid = 'filehostile';
  const state = info.states[0]!;
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO entities (id, template_id, title, language, published, metadata, created_at, updated_at) VALUES (?, 'tpldocument', ?, 'en', 1, ?, ?, ?)`,
      )
      .run(
        eid,
        `Hostile upload ${marker}`,
        JSON.stringify({ documentType: 'report', state: [state] }),
        NOW,
        NOW,
      );
    sqlite
      .prepare(`INSERT INTO entity_links (from_id, property, to_id) VALUES (?, 'state', ?)`)
      .run(eid, state);
    sqlite
      .prepare(
        `INSERT INTO files (id, entity_id, filename, mime_type, kind, size, sha256, storage_key, status, language, page_count, paragraph_count, created_at, updated_at)
         VALUES (?, ?, 'hostile.txt', 'text/plain', 'text', ?, '', ?, 'ready', 'en', 1, 1, ?, ?)`,
      )
      .run(fid, eid, text.length, fid, NOW, NOW);
    sqlite
      .prepare(
        `INSERT INTO paragraphs (id, file_id, ordinal, page, page_end, start, "end", text, language) VALUES ('phostile', ?, 0, 1, 1, 0, ?, ?, 'en')`,
      )
      .run(fid, text.length, text);
  })();
  info.paragraphs++;
  info.hostile = { marker, fileId: fid, chars: text.length, phrases };
}
