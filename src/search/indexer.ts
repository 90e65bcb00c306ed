// The indexer writes the FTS5 tables in the store's transactions, so it lives under the store now
// (docs/ARCHITECTURE.md, decision 18); search and ingest still reach it here until their own step.
export {
  indexEntity,
  indexFile,
  indexLinkersOfDeleted,
  reindexAll,
  removeEntity,
} from '../store/sqlite/search/indexer.ts';
