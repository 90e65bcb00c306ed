/**
 * A search, autocomplete, suggestion or export page that ran past the pool's deadline. Its worker
 * process was killed (a query stuck inside SQLite cannot be interrupted any other way) and replaced, so
 * the next readers are served; the HTTP layer answers 503.
 */
export class SearchTimeout extends Error {
  override name = 'SearchTimeout';
  constructor(readonly timeoutMs: number) {
    super(
      `The search took too long (over ${Math.round(timeoutMs / 100) / 10} s) and was stopped; try fewer or more specific words.`,
    );
  }
}

/** The pool is closed (the server is shutting down). */
export class SearchUnavailable extends Error {
  override name = 'SearchUnavailable';
  constructor(message = 'Search is closed: the server is shutting down.') {
    super(message);
  }
}
