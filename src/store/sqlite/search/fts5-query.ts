import { type QueryAst, splitCjk, type Term } from '../../../domain/query-language/index.ts';
import { prefixForm, type TermIndex, termForms } from '../../../domain/text-analysis/index.ts';

/*
 * The query language compiled to FTS5 MATCH syntax. The parser and its AST are the domain's
 * (src/domain/query-language); this syntax is the SQLite engine's, so another engine (PostgreSQL's
 * tsquery) compiles the same AST its own way beside its own provider.
 */

/**
 * Everything user-typed reaches FTS5 only inside a double-quoted string (quotes doubled), so FTS5
 * operators (AND, NEAR, -, :, ^, *) in the input are plain text.
 */
export const ftsString = (text: string) => `"${splitCjk(text).replace(/"/g, '""')}"`;

const group = (parts: string[]) => (parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`);

/** Which index a column list is for: the paragraph index holds aligned terms (CJK runs whole). */
const indexOf = (columns: string[]): TermIndex => (columns.includes('text') ? 'paragraph' : 'entity');

/**
 * A term as the index holds it: each language's analysis of it (domain/text-analysis), any of them.
 * A prefix is folded, not stemmed, and also matched as a word: "cooperat*" then finds the stems
 * starting with it (search_words_fts answers prefixes as written where it can, see match.ts).
 */
function termFts(t: Term, opts: Pick<CompileOptions, 'columns' | 'languages' | 'index'>): string {
  const forms = termForms(t.text, { languages: opts.languages, index: opts.index ?? indexOf(opts.columns) });
  const quoted = forms.map((f) => `"${f.replace(/"/g, '""')}"`);
  if (t.kind === 'word' && t.prefix) {
    const prefix = prefixForm(t.text);
    if (prefix) quoted.unshift(`"${prefix.replace(/"/g, '""')}" *`);
  }
  // A term that analyses to nothing (punctuation only) matches nothing rather than everything.
  return quoted.length ? group(quoted) : '"zz0"';
}

export type CompileOptions = {
  /** Columns user terms may match; others (the facet `tags`) are never reachable from typed text. */
  columns: string[];
  /** Join clauses with OR instead of AND (used to find any matching paragraph for snippets). */
  anyClause?: boolean;
  /** Languages the terms are analysed in (the language facet's ticked values); every language when unset. */
  languages?: string[];
  /** The analysis of the index matched (by default the paragraph index's for column `text`). */
  index?: TermIndex;
};

/** The positive part of a query as an FTS5 expression, or null when the query has no positive terms. */
export function compilePositive(ast: QueryAst, opts: CompileOptions): string | null {
  if (!ast.must.length) return null;
  const clauses = ast.must.map((c) => group(c.any.map((t) => termFts(t, opts))));
  const expr = clauses.length === 1 ? clauses[0]! : `(${clauses.join(opts.anyClause ? ' OR ' : ' AND ')})`;
  return `{${opts.columns.join(' ')}} : ${expr}`;
}

/**
 * For two or more plain words (no OR, prefix or quotes): the words as one phrase, used to rank entities
 * holding them side by side above entities where they are scattered. Null otherwise.
 */
export function boostPhrase(
  ast: QueryAst,
  opts: Pick<CompileOptions, 'columns' | 'languages'>,
): string | null {
  const words = ast.must.map((c) => (c.any.length === 1 ? c.any[0]! : null));
  if (words.length < 2 || !words.every((w) => w?.kind === 'word' && !w.prefix)) return null;
  const phrase: Term = { kind: 'phrase', text: words.map((w) => w!.text).join(' ') };
  return `{${opts.columns.join(' ')}} : ${termFts(phrase, opts)}`;
}

/** The excluded terms as one FTS5 expression (to follow NOT), or null. */
export function compileNegative(
  ast: QueryAst,
  opts: Pick<CompileOptions, 'columns' | 'languages'>,
): string | null {
  if (!ast.not.length) return null;
  return `{${opts.columns.join(' ')}} : ${group(ast.not.map((t) => termFts(t, opts)))}`;
}

/**
 * A full MATCH expression: positive terms AND every filter expression, NOT the exclusions. `base` is
 * an always-true expression (e.g. `tags : "zzall"`) used when there is nothing positive to match.
 */
export function compileMatch(
  ast: QueryAst,
  opts: CompileOptions & { filters?: string[]; base: string },
): string {
  const positive = compilePositive(ast, opts);
  const parts = [...(positive ? [positive] : []), ...(opts.filters ?? [])];
  const main = parts.length ? parts.map((p) => `(${p})`).join(' AND ') : opts.base;
  const negative = compileNegative(ast, opts);
  return negative ? `(${main}) NOT (${negative})` : main;
}

/** The texts of the positive terms (for highlighting done outside FTS5, e.g. CJK snippets). */
export const positiveTexts = (ast: QueryAst) => ast.must.flatMap((c) => c.any.map((t) => t.text));
