import { type Kysely, sql } from 'kysely';

/**
 * A running job names the runner that claimed it (`owner`: pid@host#instance) and how long its claim holds
 * (`lease_expires`, ms since the epoch, renewed by the owner's heartbeat). Another process sharing the data
 * directory re-queues a running job only when its lease ran out or its owner is known to be dead, never a
 * live process's work.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE jobs ADD COLUMN owner TEXT`.execute(db);
  await sql`ALTER TABLE jobs ADD COLUMN lease_expires INTEGER`.execute(db);
}
