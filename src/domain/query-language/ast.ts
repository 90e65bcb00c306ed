/** A search term: a word (optionally a prefix, `cyber*`) or an "exact phrase". */
export type Term = { kind: 'word'; text: string; prefix: boolean } | { kind: 'phrase'; text: string };

/** Terms joined by OR; a clause matches when any of its terms does. */
export type Clause = { any: Term[] };

/**
 * A parsed query: every `must` clause has to match (implicit AND), no `not` term may match.
 * An empty `must` with no `not` means "no text query" (browse by filters only).
 */
export type QueryAst = { must: Clause[]; not: Term[] };

/** The result of parsing: the AST and plain-language notes about what was ignored or changed. */
export type ParsedQuery = { ast: QueryAst; hints: string[] };

/** Most terms a query may have; longer pastes are cut here so one request cannot build a huge FTS query. */
export const MAX_TERMS = 32;
/** Longest single term kept (characters); longer ones are cut. */
export const MAX_TERM_LENGTH = 200;
/** Input beyond this many characters is not even looked at (after MAX_TERMS it could not count anyway). */
export const MAX_QUERY_LENGTH = 10_000;

export const isEmptyAst = (ast: QueryAst) => ast.must.length === 0 && ast.not.length === 0;
