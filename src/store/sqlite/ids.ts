// The ids and timestamps are the store's, not SQLite's: they moved to src/store/ids.ts.
export { newId, nowIso } from '../ids.ts';
