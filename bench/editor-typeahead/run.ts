/**
 * The editor's select type-ahead over a thesaurus of 10,000 values (issue 10, item 2): time per keystroke of
 * `searchOptions` (folded labels built once, one scan, at most 50 kept) against the plain way (fold every label
 * and sort every match on each keystroke), over the same typed prefixes, in the same run.
 *
 *   npx tsx bench/editor-typeahead/run.ts [--values 10000] [--rounds 20]
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { indexOptions, type Option, searchOptions } from '../../src/web/scenes/Editor/optionSearch.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('values', 10_000);
const ROUNDS = arg('rounds', 20);

const words = [
  'Ministère',
  'national',
  'Agência',
  'Cyber',
  'sécurité',
  'Defence',
  'Совет',
  '国家',
  'Conseil',
  'Office',
];
const options: Option[] = Array.from({ length: N }, (_, i) => ({
  id: `v${i}`,
  label: `${words[i % words.length]} ${words[(i * 7) % words.length]} ${i}`,
}));
// What a person types, one keystroke at a time.
const typed = [
  'c',
  'cy',
  'cyb',
  'cybe',
  'cyber',
  'cyber ',
  'cyber s',
  'cyber se',
  'securite',
  '9',
  '99',
  '999',
];

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
function naive(q: string): Option[] {
  const f = fold(q);
  return options
    .filter((o) => fold(o.label).includes(f))
    .sort((a, b) => Number(fold(b.label).startsWith(f)) - Number(fold(a.label).startsWith(f)))
    .slice(0, 50);
}

function time(fn: (q: string) => unknown): { median: number; p95: number } {
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++)
    for (const q of typed) {
      const t0 = performance.now();
      fn(q);
      samples.push(performance.now() - t0);
    }
  samples.sort((a, b) => a - b);
  return {
    median: samples[Math.floor(samples.length / 2)]!,
    p95: samples[Math.floor(samples.length * 0.95)]!,
  };
}

const t0 = performance.now();
const index = indexOptions(options);
const build = performance.now() - t0;
const fast = time((q) => searchOptions(index, q));
const plain = time(naive);
const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');
console.log(`values ${N}, ${typed.length} keystrokes × ${ROUNDS} rounds, load average ${load}`);
console.log(`index built once: ${build.toFixed(1)} ms`);
console.log(
  `searchOptions per keystroke: median ${fast.median.toFixed(2)} ms, p95 ${fast.p95.toFixed(2)} ms`,
);
console.log(
  `plain fold+filter+sort per keystroke: median ${plain.median.toFixed(2)} ms, p95 ${plain.p95.toFixed(2)} ms`,
);
