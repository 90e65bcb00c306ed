// The facet tokens are shared by both engines (src/search/tag-tokens.ts); re-exported for the FTS5 modules
// and the PostgreSQL engine, which import them from here.
export * from '../../../search/tag-tokens.ts';
