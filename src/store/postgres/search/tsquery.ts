import { hasCjk, type QueryAst, type Term } from '../../../domain/query-language/index.ts';
import { prefixForm, termForms } from '../../../domain/text-analysis/index.ts';

/*
 * The query language (src/domain/query-language) compiled for PostgreSQL: each term becomes a tsquery
 * built from the domain's analysis of it (`analysedLexicon`: its forms in every language, or the ticked
 * ones), so user text never reaches tsquery syntax: a form holds only letters and digits, quoted. Phrases are `<->` chains, prefixes `:*`, clauses AND, a
 * clause's alternatives OR, exclusions `!`.
 */

/** How a term's text becomes tsqueries. */
export type Lexicon = {
  /** The term's forms, each a tsquery ('' forms left out). */
  stemmed(text: string): string[];
  /** The term folded, unstemmed (prefixes as written). */
  simple(text: string): string;
  /** The configurations entity rows are indexed with. */
  configs: string[];
  /** The same lexicon restricted to one configuration's forms. */
  in(config: string): Lexicon;
};

/**
 * The one text search configuration vectors are built with since search per language: `cp_terms`, the
 * `simple` dictionary over text the domain has analysed already (domain/text-analysis), so PostgreSQL
 * and FTS5 hold the same terms.
 */
export const TERMS_CONFIG = 'cp_terms';

/** An analysed form ('nation strategi') as a tsquery: its terms quoted, side by side. */
const formTsquery = (form: string) =>
  form
    .split(' ')
    .filter(Boolean)
    .map((t) => `'${t.replace(/'/g, "''")}'`)
    .join(' <-> ');

/**
 * The Lexicon of the domain's analysis, built without a round trip: a term's forms in `languages`
 * (every language when unset), its prefix form folded and unstemmed.
 */
export function analysedLexicon(languages?: string[]): Lexicon {
  const lexicon: Lexicon = {
    stemmed: (text) => [...new Set(termForms(text, { languages }).map(formTsquery).filter(Boolean))],
    simple: (text) => formTsquery(prefixForm(text)),
    configs: [TERMS_CONFIG],
    in: () => lexicon,
  };
  return lexicon;
}

/**
 * The text a term is stemmed as. A prefix loses its punctuation: PostgreSQL's parser also makes one
 * token of a whole hyphenated word ("e-gov" → 'e-gov', 'e', 'gov'), which as a prefix would only match
 * words starting "e-gov" exactly; its parts as a phrase match "e-government" as FTS5 does.
 */
const stemText = (t: Term) =>
  t.kind === 'word' && t.prefix ? t.text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim() : t.text;

/**
 * A prefix matched against the unstemmed `words` column: one run of letters or digits, no CJK (the FTS5
 * engine's rule). Other prefixes (`e-gov*`, CJK) match stems, like there.
 */
export const exactPrefix = (t: Term) =>
  t.kind === 'word' && t.prefix && /^[\p{L}\p{N}]+$/u.test(t.text) && !hasCjk(t.text);

const any = (parts: string[]) =>
  parts.length === 1 ? parts[0]! : `(${parts.map((p) => `(${p})`).join(' | ')})`;

/** `'a' <-> 'b'` → `'a' <-> 'b':*` : the last lexeme of a tsquery as a prefix. */
export const lastAsPrefix = (q: string) => q.replace(/'((?:[^']|'')*)'(?:\s*)$/u, `'$1':*`);

/** Whether a tsquery has phrase operators outside its quoted lexemes. */
export function isPhrase(q: string): boolean {
  return / <(?:-|\d+)> /.test(unquoted(q));
}

/** The query with every phrase operator as AND: what GIN can answer without reading positions. */
export const phraseAsAnd = (q: string) => mapUnquoted(q, (s) => s.replace(/<(?:-|\d+)>/g, '&'));

/** The query with every operator as OR, negations left out: the lexemes ts_rank sums over. */
export const asRankTerms = (q: string) => mapUnquoted(q, (s) => s.replace(/<(?:-|\d+)>|&/g, '|'));

function mapUnquoted(q: string, f: (s: string) => string): string {
  return q
    .split(/('(?:[^']|'')*')/u)
    .map((part, i) => (i % 2 ? part : f(part)))
    .join('');
}
const unquoted = (q: string) => mapUnquoted(q, (s) => s).replace(/'(?:[^']|'')*'/gu, "''");

/**
 * A phrase's adjacent lexeme pairs as one tsquery over `cp_word_pairs(tsv)` (the word-pairs migration):
 * `'a' <-> 'b' <-> 'c'` → `'a b' & 'b c'`. Every text holding the phrase holds its pairs, so GIN finds the
 * few paragraphs that may hold it instead of every one holding its words, and the phrase is then checked
 * on those alone. A phrase typed once is an OR of chains since search per language (one chain per
 * language's forms: `('trocagri' <-> 'peri') | ('trocagr' <-> 'per')`), so alternatives of chains give
 * an OR of their pairs (`('trocagri peri') | ('trocagr per')`). Null for anything else (prefixes, weights,
 * nested operators) or when one alternative has no adjacent pair: the caller checks the phrase without
 * this filter.
 */
export function phrasePairs(query: string): string | null {
  return wordPairs(query)?.pairs ?? null;
}

/**
 * Whether holding the phrase's pairs is holding the phrase: every alternative is two words side by side
 * (`'a' <-> 'b'`), whose one pair is present exactly when `'a' <-> 'b'` matches (both read the same stored
 * positions). Then the positions need no second check (it read each candidate's vector: ~80 ms for a
 * phrase in 7,600 paragraphs).
 */
export const pairsAreExact = (query: string) => wordPairs(query)?.exact ?? false;

function wordPairs(query: string): { pairs: string; exact: boolean } | null {
  const chains = splitAlternatives(unwrap(query));
  if (!chains) return null;
  const each = chains.map(chainPairs);
  if (each.some((p) => p === null)) return null;
  const distinct = [...new Set(each.map((p) => p!.pairs))];
  return {
    pairs: distinct.length === 1 ? distinct[0]! : distinct.map((p) => `(${p})`).join(' | '),
    exact: each.every((p) => p!.exact),
  };
}

/**
 * The query's characters outside quoted lexemes with their parenthesis depth before them (a quoted
 * lexeme's characters, `''` included, are reported at depth -1 and never split on).
 */
function* depths(q: string): Generator<[number, string, number]> {
  let depth = 0;
  for (let i = 0; i < q.length; i++) {
    const c = q[i]!;
    if (c === "'") {
      const from = i;
      for (i++; i < q.length; i++) if (q[i] === "'" && q[++i] !== "'") break;
      i--;
      for (let j = from; j <= i; j++) yield [j, q[j]!, -1];
      continue;
    }
    yield [i, c, depth];
    if (c === '(') depth++;
    else if (c === ')') depth--;
  }
}

/** Parentheses around the whole query (a clause as paragraphTsquery writes it) taken off, repeatedly. */
function unwrap(query: string): string {
  let q = query.trim();
  for (;;) {
    if (!q.startsWith('(')) return q;
    // The parenthesis opened first closes at depth 1 → 0; it must be the last character.
    let close = -1;
    for (const [i, c, d] of depths(q))
      if (c === ')' && d === 1) {
        close = i;
        break;
      }
    if (close !== q.length - 1) return q;
    q = q.slice(1, -1).trim();
  }
}

/** `(x) | (y)` → [x, y]; a query without top-level `|` → [query]; null when the parentheses do not split so. */
function splitAlternatives(q: string): string[] | null {
  const parts: string[] = [];
  let from = 0;
  for (const [i, c, d] of depths(q)) {
    if (c === '|' && d === 0) {
      parts.push(q.slice(from, i).trim());
      from = i + 1;
    }
  }
  parts.push(q.slice(from).trim());
  if (parts.length === 1) return parts;
  const inner = parts.map((p) => (p.startsWith('(') && unwrap(p) !== p ? unwrap(p) : undefined));
  return inner.every((p): p is string => p !== undefined) ? inner : null;
}

/**
 * One chain `'a' <-> 'b' <2> 'c'` → its adjacent pairs ANDed and whether they are the chain (two words
 * side by side), or null (not a plain chain, or no pair).
 */
function chainPairs(q: string): { pairs: string; exact: boolean } | null {
  const lexeme = /'((?:[^']|'')*)'/y;
  const link = / <(-|\d+)> /y;
  const words: string[] = [];
  const adjacent: boolean[] = [];
  let at = 0;
  for (;;) {
    lexeme.lastIndex = at;
    const w = lexeme.exec(q);
    if (!w) return null;
    words.push(w[1]!);
    at = lexeme.lastIndex;
    if (at === q.length) break;
    link.lastIndex = at;
    const l = link.exec(q);
    if (!l) return null;
    adjacent.push(l[1] === '-' || l[1] === '1');
    at = link.lastIndex;
  }
  const pairs = adjacent.flatMap((next, i) => (next ? [`'${words[i]} ${words[i + 1]}'`] : []));
  if (!pairs.length) return null;
  return { pairs: [...new Set(pairs)].join(' & '), exact: words.length === 2 && adjacent[0] === true };
}

/** One term as a tsquery over the stemmed `tsv` column, or null when it holds no word. */
export function termTsquery(t: Term, lex: Lexicon): string | null {
  const forms = lex.stemmed(stemText(t));
  if (!forms.length) return null;
  // A prefix also matches stems starting with it (the FTS5 engine's `"p" * OR "p"` on its stemmed index).
  return any(t.kind === 'word' && t.prefix ? forms.map(lastAsPrefix) : forms);
}

/** An exact prefix as a tsquery over the unstemmed `words` column, or null when it holds no word. */
export function wordsPrefix(t: Term, lex: Lexicon): string | null {
  const q = lex.simple(t.text);
  return q ? lastAsPrefix(q) : null;
}

/** What the entity search asks of a query: SQL conditions over `tsv`/`words` and a ranking query. */
export type TextMatch = {
  /** Conditions every matching entity meets (ANDed); each is SQL with $n placeholders into `params`. */
  where: string[];
  /** The lexemes ts_rank sums over (OR of every positive term), or null when nothing is typed. */
  rank: string | null;
  /** False when a clause can match nothing (all its terms hold no word): the result is empty. */
  possible: boolean;
};

/**
 * SQL for "the entity holds the phrase": the placeholders of the phrase's tsquery and of its word pairs'
 * (phrasePairs; null when it has none), and whether holding those pairs is holding the phrase
 * (pairsAreExact).
 */
export type PhraseCheck = (tsqueryParam: string, pairsParam: string | null, pairsExact: boolean) => string;

/**
 * The query as SQL conditions on `search_entities`. Plain clauses go into one tsquery (one GIN lookup);
 * a clause with an exact prefix is its own condition on `words`. A clause holding a phrase is matched by
 * its words ANDed in that tsquery (GIN, no positions read) and checked as a phrase by its own condition,
 * `phraseCheck` (the caller's SQL for "the entity's text or one of its paragraphs holds q").
 */
export function compileText(
  ast: QueryAst,
  lex: Lexicon,
  param: (value: unknown) => string,
  phraseCheck: PhraseCheck,
): TextMatch {
  if (lex.configs.length <= 1) return compileFor(ast, lex, param, phraseCheck);
  // Rows of several languages: each matches its own configuration's forms of the words (a French stem
  // must not find an English text that happens to hold the same letters); the ranking query keeps all.
  const per = lex.configs.map((c) => ({ c, m: compileFor(ast, lex.in(c), param, phraseCheck) }));
  const possible = per.filter((p) => p.m.possible);
  const rank = compileFor(ast, lex, () => '', phraseCheck).rank;
  if (!possible.length) return { where: [], rank, possible: false };
  return {
    where: [
      `(${possible
        .map(
          (p) =>
            `(config = ${param(p.c)}::regconfig AND ${p.m.where.length ? p.m.where.join(' AND ') : 'true'})`,
        )
        .join(' OR ')})`,
    ],
    rank,
    possible: true,
  };
}

function compileFor(
  ast: QueryAst,
  lex: Lexicon,
  param: (value: unknown) => string,
  phraseCheck: PhraseCheck,
): TextMatch {
  const where: string[] = [];
  const main: string[] = [];
  const rank: string[] = [];
  let possible = true;
  for (const clause of ast.must) {
    const parts: { q: string; words: boolean }[] = [];
    for (const t of clause.any) {
      if (exactPrefix(t)) {
        const w = wordsPrefix(t, lex);
        if (w) parts.push({ q: w, words: true });
      } else {
        const q = termTsquery(t, lex);
        if (q) parts.push({ q, words: false });
      }
      const r = termTsquery(t, lex);
      if (r) rank.push(asRankTerms(r));
    }
    if (!parts.length) {
      possible = false;
      continue;
    }
    if (parts.some((p) => p.words)) {
      where.push(
        `(${parts.map((p) => `${p.words ? 'words' : 'tsv'} @@ ${param(p.q)}::tsquery`).join(' OR ')})`,
      );
      continue;
    }
    const q = any(parts.map((p) => p.q));
    if (isPhrase(q)) {
      main.push(phraseAsAnd(q));
      const pairs = phrasePairs(q);
      where.push(phraseCheck(param(q), pairs === null ? null : param(pairs), pairsAreExact(q)));
    } else main.push(q);
  }
  const nots: string[] = [];
  for (const t of ast.not) {
    if (exactPrefix(t)) {
      const w = wordsPrefix(t, lex);
      if (w) where.push(`NOT (words @@ ${param(w)}::tsquery)`);
    } else {
      const q = termTsquery(t, lex);
      if (q) nots.push(q);
    }
  }
  if (main.length) {
    const positive = main.map((m) => `(${m})`).join(' & ');
    const q = nots.length ? `${positive} & !(${any(nots)})` : positive;
    where.unshift(`tsv @@ ${param(q)}::tsquery`);
  } else if (nots.length) where.push(`NOT (tsv @@ ${param(any(nots))}::tsquery)`);
  return { where, rank: rank.length ? rank.map((r) => `(${r})`).join(' | ') : null, possible };
}

/**
 * The positive terms as one tsquery for paragraphs (snippets, search within a file): clauses ANDed, or
 * ORed with `anyClause`. Exact prefixes match stems here (paragraph vectors are stemmed). Null when
 * nothing positive holds a word.
 */
export function paragraphTsquery(ast: QueryAst, lex: Lexicon, { anyClause = false } = {}): string | null {
  const clauses = ast.must
    .map((c) => c.any.map((t) => termTsquery(t, lex)).filter((q): q is string => !!q))
    .filter((qs) => qs.length)
    .map(any);
  if (!clauses.length) return null;
  return clauses.map((c) => `(${c})`).join(anyClause ? ' | ' : ' & ');
}

/**
 * For two or more plain words (no OR, prefix or quotes): the words as one phrase, whose holders rank
 * above entities where the words are scattered. Null otherwise.
 */
export function boostPhrase(ast: QueryAst, lex: Lexicon): string | null {
  const words = ast.must.map((c) => (c.any.length === 1 ? c.any[0]! : null));
  if (words.length < 2 || !words.every((w) => w?.kind === 'word' && !w.prefix)) return null;
  const forms = words.map((w) => lex.stemmed(w!.text));
  if (forms.some((f) => f.length !== 1)) {
    // Words stemmed differently per language: the phrase in each language's own forms is enough.
    if (forms.some((f) => !f.length)) return null;
    return forms.map((f) => any(f)).join(' <-> ');
  }
  return forms.map((f) => f[0]!).join(' <-> ');
}
