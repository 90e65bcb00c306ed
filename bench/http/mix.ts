import { mulberry32, zipf } from '../search/corpus.ts';

type Info = { vocab: string[]; phrases: string[]; docFacets: { documentType: string }[] };
/** One of the mix's distinct queries: words, and a document type for the filtered tenth. */
export type MixQuery = { q: string; documentType?: string };

/**
 * The realistic mix of concurrency.ts: 200 distinct queries (six in ten a frequent word, two two words, one
 * a phrase, one a frequent word with a filter) and, drawn from them by a Zipf law as popular queries repeat
 * on a public site, 5,000 requests. One seed, so every bench of the run asks the same.
 */
export function mixOf(info: Info): { distinct: MixQuery[]; paths: string[] } {
  const rand = mulberry32(16);
  const { vocab, phrases, docFacets } = info;
  const w = (lo: number, hi: number) => vocab[lo + Math.floor(rand() * (hi - lo))]!;
  const distinct = Array.from({ length: 200 }, (_, i): MixQuery => {
    const r = i % 10;
    if (r < 6) return { q: w(10, 100) };
    if (r < 8) return { q: `${w(10, 2000)} ${w(10, 2000)}` };
    if (r < 9) return { q: `"${phrases[Math.floor(rand() * phrases.length)]}"` };
    const f = docFacets[Math.floor(rand() * docFacets.length)]!;
    return { q: w(10, 100), documentType: f.documentType };
  });
  const query = (m: MixQuery) =>
    `q=${encodeURIComponent(m.q)}${m.documentType ? `&f.documentType=${m.documentType}` : ''}`;
  const pick = zipf(distinct.length, rand);
  const paths = Array.from(
    { length: 5000 },
    () => `/api/v1/search?template=Document&${query(distinct[pick()]!)}`,
  );
  return { distinct, paths };
}
