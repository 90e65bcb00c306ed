import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize } from 'bson';

/** A document of a mongodump collection, as the bson package reads it (ObjectIds kept as ObjectId). */
export type BsonDoc = Record<string, unknown>;

/** The collections of an Uwazi database the import reads; a collection absent from the dump reads as empty. */
export const UWAZI_COLLECTIONS = [
  'settings',
  'templates',
  'dictionaries',
  'relationtypes',
  'translationsV2',
  'translations',
  'entities',
  'connections',
  'files',
  'users',
  'usergroups',
  'activitylogs',
] as const;
export type UwaziCollection = (typeof UWAZI_COLLECTIONS)[number];
export type UwaziDump = Record<UwaziCollection, BsonDoc[]>;

/**
 * Reads one `<name>.bson` of a mongodump: documents back to back, each starting with its int32
 * little-endian length. A length that runs past the end or below BSON's minimum is a clear error naming the
 * file and offset, not a half-read collection.
 */
export async function readBsonFile(path: string): Promise<BsonDoc[]> {
  const buf = await readFile(path);
  const docs: BsonDoc[] = [];
  let offset = 0;
  while (offset < buf.length) {
    if (offset + 4 > buf.length) throw new Error(`${path}: truncated document at byte ${offset}`);
    const length = buf.readInt32LE(offset);
    if (length < 5 || offset + length > buf.length)
      throw new Error(
        `${path}: document at byte ${offset} declares ${length} bytes, which the file does not hold`,
      );
    docs.push(deserialize(buf.subarray(offset, offset + length)) as BsonDoc);
    offset += length;
  }
  return docs;
}

/**
 * Reads the collections the import needs from a mongodump folder (the `.bson` files directly in it, or in
 * a database sub-folder as `mongodump` writes them). Throws when there is no `entities.bson` or
 * `templates.bson` anywhere: then this is not an Uwazi dump.
 */
export async function readUwaziDump(dumpDir: string): Promise<UwaziDump> {
  const dir = findBsonDir(dumpDir);
  const dump = {} as UwaziDump;
  for (const name of UWAZI_COLLECTIONS) {
    const path = join(dir, `${name}.bson`);
    dump[name] = existsSync(path) ? await readBsonFile(path) : [];
  }
  return dump;
}

function findBsonDir(dumpDir: string): string {
  const isDump = (d: string) => existsSync(join(d, 'templates.bson')) && existsSync(join(d, 'entities.bson'));
  if (isDump(dumpDir)) return dumpDir;
  const subs = existsSync(dumpDir)
    ? readdirSync(dumpDir, { withFileTypes: true }).filter((d) => d.isDirectory())
    : [];
  for (const sub of subs) if (isDump(join(dumpDir, sub.name))) return join(dumpDir, sub.name);
  throw new Error(
    `${dumpDir} is not a mongodump of an Uwazi database: it has no templates.bson and entities.bson`,
  );
}

/** The string form of an id (ObjectId or string), as Uwazi's documents refer to each other. */
export const idOf = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
