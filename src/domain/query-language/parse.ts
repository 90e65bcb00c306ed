import {
  type Clause,
  MAX_QUERY_LENGTH,
  MAX_TERM_LENGTH,
  MAX_TERMS,
  type ParsedQuery,
  type QueryAst,
  type Term,
} from './ast.ts';

// Typographic quotes people paste from word processors count as straight quotes.
const QUOTES = /[“”„‟«»〝〞＂]/g;
// Controls, bidi overrides, zero-width marks and lone surrogates carry no searchable meaning and could
// confuse the tokenizer or the display of hints; they become spaces.
const INVISIBLE = /[\p{Cc}\p{Cs}\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;
const SEARCHABLE = /[\p{L}\p{N}]/u;
const BREAK = /[\s"()（）:]/u;

type Item = { term: Term; negate: boolean } | { or: true };

/** Cuts a string to at most `max` code points without splitting a surrogate pair. */
const cut = (s: string, max: number) => (s.length <= max ? s : Array.from(s).slice(0, max).join(''));

/** Reads the raw string into terms, operators and notes; never throws. */
function scan(input: string, hints: Set<string>): Item[] {
  const items: Item[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    const ch = input[i]!;
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    if (ch === ':') {
      if (i > 0 && !BREAK.test(input[i - 1]!))
        hints.add('Field searches like "name:value" are not supported: the words are searched as usual.');
      i++;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === '（' || ch === '）') {
      hints.add('Parentheses are not needed: the words inside them are searched as usual.');
      i++;
      continue;
    }
    let negate = false;
    if (ch === '-' && i + 1 < n && !/\s/u.test(input[i + 1]!)) {
      negate = true;
      i++;
    }
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1);
      if (close === -1)
        hints.add('A closing quotation mark was missing; the phrase runs to the end of the query.');
      const body = input.slice(i + 1, close === -1 ? n : close);
      i = close === -1 ? n : close + 1;
      items.push({ term: { kind: 'phrase', text: body.trim() }, negate });
      continue;
    }
    let j = i;
    while (j < n && !BREAK.test(input[j]!)) j++;
    if (j === i) continue; // "-(" or "-:": the dash was consumed; the loop handles the break character
    const word = input.slice(i, j);
    i = j;
    if (word === 'OR' && !negate) {
      items.push({ or: true });
      continue;
    }
    const prefix = /\*+$/u.test(word);
    // Stray asterisks are punctuation to the tokenizer; spacing them out keeps the word parts apart.
    const text = word.replace(/\*+/gu, ' ').trim();
    items.push({
      term: prefix ? { kind: 'word', text, prefix: true } : { kind: 'word', text, prefix: false },
      negate,
    });
  }
  return items;
}

/** Keeps terms that hold something the tokenizer indexes (letters or digits), noting what was dropped. */
function clean(items: Item[], hints: Set<string>): Item[] {
  const ignored: string[] = [];
  const kept: Item[] = [];
  for (const item of items) {
    if ('or' in item) {
      kept.push(item);
      continue;
    }
    const text = cut(item.term.text, MAX_TERM_LENGTH);
    if (text.length < item.term.text.length)
      hints.add(`Very long words are cut to ${MAX_TERM_LENGTH} characters.`);
    if (!SEARCHABLE.test(text)) {
      if (text) ignored.push(text);
      continue;
    }
    kept.push({ ...item, term: { ...item.term, text } });
  }
  if (ignored.length) {
    const shown = ignored.slice(0, 3).map((t) => `“${cut(t, 20)}”`);
    hints.add(
      `Ignored ${shown.join(', ')}${ignored.length > 3 ? '…' : ''}: only letters and digits are searched.`,
    );
  }
  return kept;
}

/** Groups `a OR b` into clauses, caps the number of terms and collects exclusions. */
function build(items: Item[], hints: Set<string>): QueryAst {
  const must: Clause[] = [];
  const not: Term[] = [];
  let count = 0;
  let pendingOr = false;
  let lastWasPositive = false;
  for (const item of items) {
    if ('or' in item) {
      if (!lastWasPositive || pendingOr) hints.add('"OR" needs a word on each side; a lone OR was ignored.');
      else pendingOr = true;
      continue;
    }
    if (count >= MAX_TERMS) {
      hints.add(`Only the first ${MAX_TERMS} words and phrases are searched.`);
      break;
    }
    count++;
    if (item.negate) {
      if (pendingOr) hints.add('"OR" cannot join an excluded word; the OR was ignored.');
      pendingOr = false;
      lastWasPositive = false;
      not.push(item.term);
      continue;
    }
    if (pendingOr && must.length) must[must.length - 1]!.any.push(item.term);
    else must.push({ any: [item.term] });
    pendingOr = false;
    lastWasPositive = true;
  }
  if (pendingOr) hints.add('"OR" needs a word on each side; a lone OR was ignored.');
  return { must, not };
}

/**
 * Parses anything a person can type into a query AST. Never throws: malformed syntax is repaired
 * (unbalanced quotes closed, lone operators dropped) and each repair is explained in `hints`.
 */
export function parseQuery(raw: unknown): ParsedQuery {
  const hints = new Set<string>();
  let input = typeof raw === 'string' ? raw : '';
  if (input.length > MAX_QUERY_LENGTH) {
    input = input.slice(0, MAX_QUERY_LENGTH);
    hints.add(`Only the first ${MAX_TERMS} words and phrases are searched.`);
  }
  input = input.normalize('NFKC').replace(QUOTES, '"').replace(INVISIBLE, ' ');
  const ast = build(clean(scan(input, hints), hints), hints);
  if (ast.must.length === 0 && ast.not.length > 0)
    hints.add('Only exclusions were given: showing everything except them.');
  if (ast.must.length === 0 && ast.not.length === 0 && input.trim())
    hints.add('Nothing searchable was found in the query; showing everything.');
  return { ast, hints: [...hints] };
}
