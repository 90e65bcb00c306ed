import type Database from 'better-sqlite3';
import { autocompleteTitles } from './autocomplete.ts';
import { revalidate, trackedSearch } from './cache-feed.ts';
import { search } from './search.ts';
import { suggestParagraphs } from './suggest.ts';
import { searchWithinFile } from './within-file.ts';

/** The operations a search worker answers, by name (the message protocol of the pool). */
export const handlers = {
  search,
  searchWithinFile,
  autocompleteTitles,
  suggestParagraphs,
  trackedSearch,
  revalidate,
} satisfies Record<string, (sqlite: Database.Database, args: never) => unknown>;

export type Handlers = typeof handlers;
export type Method = keyof Handlers;
