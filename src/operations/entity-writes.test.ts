import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEntity, buildTemplate } from '../../test/factories.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { createEntity } from './create-entity.ts';
import { deleteEntity } from './delete-entity.ts';
import { Forbidden, ValidationFailed } from './errors.ts';
import { getEntityView } from './get-entity-view.ts';
import { type Actor, OPERATOR } from './permissions.ts';
import { saveTemplate } from './save-template.ts';
import { saveThesaurus } from './save-thesaurus.ts';
import { updateEntity } from './update-entity.ts';

let t: TempStore;
const collaborator: Actor = { id: null, username: 'colla', role: 'collaborator' };
const count = (table: string) =>
  (t.store.sqlite.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeEach(async () => {
  t = await createTempStore();
  await saveThesaurus({
    store: t.store,
    actor: OPERATOR,
    input: { name: 'docTypes', label: 'Document types', values: [{ id: 'strategy', label: 'Strategy' }] },
  });
  const base = buildTemplate();
  await saveTemplate({
    store: t.store,
    actor: OPERATOR,
    input: {
      ...base,
      properties: [
        ...base.properties,
        {
          name: 'type',
          label: 'Type',
          type: 'select',
          thesaurus: 'docTypes',
          required: false,
          filterable: true,
          showInCard: true,
        },
        {
          name: 'adopted',
          label: 'Adopted',
          type: 'date',
          required: false,
          filterable: false,
          showInCard: false,
        },
      ],
    },
  });
});
afterEach(() => t.cleanup());

describe('createEntity', () => {
  it('rejects invalid metadata with one error per field and writes nothing', async () => {
    const [entities, links, activity] = [count('entities'), count('entity_links'), count('activity_log')];
    const error = await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: buildEntity({
        metadata: { pages: 'many', type: 'poem', adopted: '2020-13', cites: ['nosuchid00'], colour: 'red' },
      }),
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    const paths = (error as ValidationFailed).errors.map((e) => e.path).sort();
    expect(paths).toEqual([
      'metadata.adopted',
      'metadata.cites',
      'metadata.colour',
      'metadata.pages',
      'metadata.summary',
      'metadata.type',
    ]);
    expect((error as ValidationFailed).errors.find((e) => e.path === 'metadata.type')?.message).toMatch(
      /poem/,
    );
    expect([count('entities'), count('entity_links'), count('activity_log')]).toEqual([
      entities,
      links,
      activity,
    ]);
  });

  it('stores the entity, mirrors relationship values into entity_links and logs the write', async () => {
    const cited = await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity() });
    const citing = await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: buildEntity({ metadata: { summary: 'x', cites: [cited.id, cited.id] } }),
    });
    expect(citing.metadata.cites).toEqual([cited.id]);
    expect(await t.store.entities.inboundLinks(cited.id)).toEqual([
      { fromId: citing.id, property: 'cites', toId: cited.id },
    ]);
    const log = await t.store.activity.list({ limit: 10, targetId: citing.id });
    expect(log).toMatchObject([{ action: 'create', targetType: 'entity', username: 'operator' }]);
    expect(log[0]!.summary).toContain(citing.title);
  });

  it('does not let collaborators publish', async () => {
    await expect(
      createEntity({ store: t.store, actor: collaborator, input: buildEntity({ published: true }) }),
    ).rejects.toBeInstanceOf(Forbidden);
    expect(count('entities')).toBe(0);
  });
});

describe('updateEntity', () => {
  it('changes only the fields sent, keeps published, and replaces the mirrored links', async () => {
    const a = await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity() });
    const b = await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity() });
    const e = await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: buildEntity({ published: true, metadata: { summary: 's', cites: [a.id] } }),
    });
    const renamed = await updateEntity({
      store: t.store,
      actor: collaborator,
      id: e.id,
      patch: { title: 'Renamed' },
    });
    expect(renamed).toMatchObject({
      title: 'Renamed',
      published: true,
      metadata: { summary: 's', cites: [a.id] },
    });
    await updateEntity({
      store: t.store,
      actor: OPERATOR,
      id: e.id,
      patch: { metadata: { summary: 's', cites: [b.id] } },
    });
    expect(await t.store.entities.inboundLinks(a.id)).toEqual([]);
    expect(await t.store.entities.inboundLinks(b.id)).toHaveLength(1);
  });

  it('writes nothing when the new metadata is invalid', async () => {
    const e = await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity() });
    const before = count('activity_log');
    await expect(
      updateEntity({
        store: t.store,
        actor: OPERATOR,
        id: e.id,
        // A merge patch: removing the required summary (null) makes the metadata invalid.
        patch: { title: 'New', metadata: { summary: null } },
      }),
    ).rejects.toMatchObject({ errors: [{ path: 'metadata.summary' }] });
    expect(await t.store.entities.findById(e.id)).toEqual(e);
    expect(count('activity_log')).toBe(before);
  });

  it('does not let collaborators unpublish', async () => {
    const e = await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: buildEntity({ published: true }),
    });
    await expect(
      updateEntity({ store: t.store, actor: collaborator, id: e.id, patch: { published: false } }),
    ).rejects.toBeInstanceOf(Forbidden);
  });
});

describe('getEntityView', () => {
  it('lists visible related and inbound entities, hiding restricted ones from anonymous readers', async () => {
    const hidden = await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: buildEntity({ published: false }),
    });
    const shown = await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: buildEntity({ published: true }),
    });
    const hub = await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: buildEntity({ published: true, metadata: { summary: 'hub', cites: [hidden.id, shown.id] } }),
    });
    await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: buildEntity({ published: false, metadata: { summary: 'secret', cites: [hub.id] } }),
    });
    const fan = await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: buildEntity({
        published: true,
        metadata: { summary: 'fan', type: 'strategy', cites: [hub.id] },
      }),
    });
    const anonymous = await getEntityView({ store: t.store, actor: null, id: hub.id });
    expect(Object.keys(anonymous.related)).toEqual([shown.id]);
    expect(anonymous.inbound.map((i) => i.entity.id)).toEqual([fan.id]);
    expect(anonymous.inbound[0]).toMatchObject({ template: 'Document', property: 'cites' });
    expect(anonymous.inbound[0]!.entity.metadata).toEqual({ summary: 'fan', type: 'strategy' });
    const signedIn = await getEntityView({ store: t.store, actor: collaborator, id: hub.id });
    expect(Object.keys(signedIn.related).sort()).toEqual([hidden.id, shown.id].sort());
    expect(signedIn.inbound).toHaveLength(2);
  });
});

describe('deleteEntity', () => {
  it('needs an editor, removes the entity and its links, and logs it', async () => {
    const a = await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity() });
    const b = await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: buildEntity({ metadata: { summary: 's', cites: [a.id] } }),
    });
    await expect(deleteEntity({ store: t.store, actor: collaborator, id: b.id })).rejects.toBeInstanceOf(
      Forbidden,
    );
    await deleteEntity({ store: t.store, actor: { id: null, username: 'ed', role: 'editor' }, id: b.id });
    expect(await t.store.entities.findById(b.id)).toBeNull();
    expect(count('entity_links')).toBe(0);
    expect(await t.store.activity.list({ limit: 1, targetId: b.id })).toMatchObject([
      { action: 'delete', username: 'ed' },
    ]);
  });
});
