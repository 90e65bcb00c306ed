import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { activitySummary } from '../../src/domain/activity-summary.ts';
import { addUser } from '../../src/operations/add-user.ts';
import { createEntity } from '../../src/operations/create-entity.ts';
import { deleteEntity } from '../../src/operations/delete-entity.ts';
import { deleteUser } from '../../src/operations/delete-user.ts';
import { login } from '../../src/operations/login.ts';
import { OPERATOR } from '../../src/operations/permissions.ts';
import { saveRelationType } from '../../src/operations/save-relation-type.ts';
import { saveTemplate } from '../../src/operations/save-template.ts';
import { saveThesaurus } from '../../src/operations/save-thesaurus.ts';
import { setPublished, updateEntity } from '../../src/operations/update-entity.ts';
import { updateUser } from '../../src/operations/update-user.ts';
import { toProblem } from '../../src/server/errors.ts';
import { nowIso } from '../../src/store/ids.ts';
import * as pgMigration from '../../src/store/postgres/migrations/2026113060-activity-codes.ts';
import { isPostgresStore } from '../../src/store/postgres/open-postgres-store.ts';
import * as sqliteMigration from '../../src/store/sqlite/migrations/2026113060-activity-codes.ts';
import type { SqliteStore, Store } from '../../src/store/store.ts';
import type { Tables } from '../../src/store/tables.ts';
import { buildEntity, buildTemplate } from '../factories.ts';
import { describeEachEngine } from './engines.ts';

const entry = (over: object = {}) => ({
  userId: null,
  username: 'amina',
  action: 'login',
  targetType: 'session',
  targetId: null,
  summary: 'amina signed in',
  at: nowIso(),
  changes: null,
  ...over,
});

/** The store's own Kysely connection and its engine's twin of the migration, to run it on older rows. */
const migrationOf = (store: Store) =>
  isPostgresStore(store)
    ? { db: store.postgres.db as Kysely<unknown>, m: pgMigration }
    : { db: (store as SqliteStore).sqlite.db as Kysely<unknown>, m: sqliteMigration };

describeEachEngine('activity codes', (open) => {
  it('keeps an entry’s code and params; one without a code, or with a code this build does not know, reads by its summary', async () => {
    const store = await open();
    const coded = await store.activity.insert(
      entry({ code: 'session.signedIn', params: { username: 'amina', extra: ['a', 'b'], n: 2, yes: true } }),
    );
    const plain = await store.activity.insert(entry({ summary: 'Something old' }));
    expect(await store.activity.findById(coded)).toMatchObject({
      code: 'session.signedIn',
      params: { username: 'amina', extra: ['a', 'b'], n: 2, yes: true },
    });
    expect(await store.activity.findById(plain)).toMatchObject({
      code: null,
      params: {},
      summary: 'Something old',
    });
    const { db } = migrationOf(store);
    await (db as Kysely<Tables>)
      .updateTable('activity_log')
      .set({ code: 'from.a.newer.build' })
      .where('id', '=', plain)
      .execute();
    expect(await store.activity.findById(plain)).toMatchObject({ code: null, params: {} });
  });

  it('gives sign-ins and sign-outs written before codes their code, and leaves other old entries as they were', async () => {
    const store = await open();
    const { db, m } = migrationOf(store);
    await m.down(db);
    const old = (summary: string, action: string, username: string | null) =>
      (db as Kysely<Tables>)
        .insertInto('activity_log')
        .values({
          user_id: null,
          username,
          action,
          target_type: 'session',
          target_id: null,
          summary,
          at: nowIso(),
          changes: null,
        } as never)
        .execute();
    await old('amina signed in', 'login', 'amina');
    await old('amina signed out', 'logout', 'amina');
    await old('someone else signed in', 'login', 'amina');
    await old('Created Document "A"', 'create', 'amina');
    await m.up(db);
    const rows = (await store.activity.list({ limit: 10 })).reverse();
    expect(rows.map((r) => [r.code, r.params])).toEqual([
      ['session.signedIn', { username: 'amina' }],
      ['session.signedOut', { username: 'amina' }],
      [null, {}],
      [null, {}],
    ]);
  });

  it('writes each kind of entry with its code and params, its summary worded from them', async () => {
    const store = await open();
    const actor = OPERATOR;
    await saveThesaurus({
      store,
      actor,
      input: { name: 'docTypes', label: 'Document types', values: [{ id: 'strategy', label: 'Strategy' }] },
    });
    await saveTemplate({ store, actor, input: buildTemplate() });
    await saveTemplate({ store, actor, name: 'Document', input: buildTemplate({ label: 'Documents' }) });
    const e = await createEntity({
      store,
      actor,
      input: buildEntity({ title: 'National strategy', published: true }),
    });
    await updateEntity({ store, actor, id: e.id, patch: { title: 'Renamed strategy' } });
    await setPublished({ store, actor, id: e.id, published: false });
    await deleteEntity({ store, actor, id: e.id });
    await saveRelationType({
      store,
      actor,
      input: { name: 'cites', label: 'cites', inverseLabel: 'is cited by' },
    });
    const user = await addUser({
      store,
      actor,
      input: { username: 'amina', password: 'a long passphrase', role: 'editor' },
    });
    await login({ store, username: 'amina', password: 'a long passphrase' });
    await updateUser({ store, actor, id: user.id, patch: { role: 'collaborator' } });
    await deleteUser({ store, actor, id: user.id });

    const log = (await store.activity.list({ limit: 50 })).reverse();
    for (const a of log) expect(a.summary).toBe(activitySummary({ code: a.code!, params: a.params }));
    expect(log.map((a) => [a.code, a.params])).toEqual([
      ['thesaurus.created', { thesaurus: 'docTypes', values: 1 }],
      ['template.created', { template: 'Document', properties: 3 }],
      ['template.updated', { template: 'Document', properties: 3 }],
      ['entity.created', { template: 'Document', title: 'National strategy', published: true }],
      ['entity.updated', { template: 'Document', title: 'Renamed strategy', fields: ['title'] }],
      ['entity.unpublished', { template: 'Document', title: 'Renamed strategy', already: false }],
      ['entity.deleted', { template: 'Document', title: 'Renamed strategy', files: 0 }],
      ['relationType.created', { label: 'cites', inverse: 'is cited by', relationType: 'cites' }],
      ['user.added', { role: 'editor', username: 'amina' }],
      ['session.signedIn', { username: 'amina' }],
      [
        'user.updated',
        {
          username: 'amina',
          password: false,
          roleFrom: 'editor',
          roleTo: 'collaborator',
          disabled: false,
          enabled: false,
        },
      ],
      ['user.removed', { role: 'collaborator', username: 'amina' }],
    ]);
    expect(log[3]!.summary).toBe('Created Document "National strategy" (published)');
    expect(log[10]!.summary).toBe('Updated amina: role editor → collaborator');
  });

  it('refuses a clash (409) with a code and params beside its English', async () => {
    const store = await open();
    const actor = OPERATOR;
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => toProblem(e),
      );
    await saveTemplate({ store, actor, input: buildTemplate() });
    expect(await refusal(saveTemplate({ store, actor, input: buildTemplate() }))).toMatchObject({
      status: 409,
      detail: 'A template named "Document" already exists',
      code: 'templateExists',
      params: { name: 'Document' },
    });
    const admin = await addUser({
      store,
      actor,
      input: { username: 'root', password: 'a long passphrase', role: 'admin' },
    });
    expect(await refusal(deleteUser({ store, actor, id: admin.id }))).toMatchObject({
      status: 409,
      code: 'lastAdmin',
    });
    expect(
      await refusal(
        addUser({ store, actor, input: { username: 'root', password: 'a long passphrase', role: 'editor' } }),
      ),
    ).toMatchObject({ status: 409, code: 'usernameTaken', params: { username: 'root' } });
  });
});
