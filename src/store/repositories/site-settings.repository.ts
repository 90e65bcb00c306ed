import type { Kysely } from 'kysely';
import type { Tables } from '../tables.ts';

/**
 * The site's settings as JSON per key. The store neither knows nor checks their shape: the operation parses
 * what it reads with the domain's schema, so a setting added later needs no migration.
 */
export function createSiteSettingsRepository(db: Kysely<Tables>) {
  return {
    /** The stored value of a key (parsed JSON), or null when it was never set. */
    async get(key: string): Promise<unknown> {
      const r = await db
        .selectFrom('site_settings')
        .select('value')
        .where('key', '=', key)
        .executeTakeFirst();
      return r ? (JSON.parse(r.value) as unknown) : null;
    },
    /** Writes a key's value (insert or replace). */
    async put(key: string, value: unknown, at: string) {
      const json = JSON.stringify(value);
      await db
        .insertInto('site_settings')
        .values({ key, value: json, updated_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: at }))
        .execute();
    },
  };
}
/** The site-settings repository. */
export type SiteSettingsRepository = ReturnType<typeof createSiteSettingsRepository>;
