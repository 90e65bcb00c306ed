import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTemplate } from '../../test/factories.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { localizeEntity } from '../domain/localize.ts';
import { createEntity } from './create-entity.ts';
import { ValidationFailed } from './errors.ts';
import { OPERATOR } from './permissions.ts';
import { revertActivity } from './revert-activity.ts';
import { saveTemplate } from './save-template.ts';
import { replaceEntity, updateEntity } from './update-entity.ts';

let t: TempStore;
beforeEach(async () => {
  t = await createTempStore();
  const base = buildTemplate();
  await saveTemplate({
    store: t.store,
    actor: OPERATOR,
    input: {
      ...base,
      labels: { fr: 'Document', ar: 'وثيقة' },
      properties: [
        ...base.properties.map((p) => (p.name === 'summary' ? { ...p, labels: { fr: 'Résumé' } } : p)),
        {
          name: 'source',
          label: 'Source',
          type: 'link',
          required: false,
          filterable: false,
          showInCard: false,
        },
      ],
    },
  });
});
afterEach(() => t.cleanup());

const strategy = () =>
  createEntity({
    store: t.store,
    actor: OPERATOR,
    input: {
      template: 'Document',
      title: 'National Cybersecurity Strategy',
      metadata: {
        summary: 'Protects networks.',
        pages: 40,
        source: [{ label: 'Gazette', url: 'https://a.example/en' }],
      },
      translations: {
        fr: { title: 'Stratégie nationale de cybersécurité', metadata: { summary: 'Protège les réseaux.' } },
        ar: { title: 'الاستراتيجية الوطنية للأمن السيبراني' },
      },
    },
  });

describe('content in six languages, in one entity', () => {
  it('stores every language in one record; shared values stay shared', async () => {
    const e = await strategy();
    const again = await t.store.entities.findById(e.id);
    expect(again?.translations).toEqual(e.translations);
    expect(again?.translations.fr?.metadata).toEqual({ summary: 'Protège les réseaux.' });
    // One row, not one per language.
    expect(
      (await t.store.entities.list({ limit: 10, offset: 0, sort: 'title', publishedOnly: false })).total,
    ).toBe(1);
    // A number is shared: one value whatever the language.
    await updateEntity({ store: t.store, actor: OPERATOR, id: e.id, patch: { metadata: { pages: 41 } } });
    const after = (await t.store.entities.findById(e.id))!;
    expect(localizeEntity(after, undefined, 'fr').metadata.pages).toBe(41);
    expect(localizeEntity(after, undefined, 'ar').metadata.pages).toBe(41);
  });

  it('refuses a shared property in a translation, an unknown property, and the entity own language', async () => {
    const e = await strategy();
    for (const translations of [
      { fr: { metadata: { pages: 12 } } },
      { fr: { metadata: { nope: 'x' } } },
      { en: { title: 'Duplicate of the title' } },
    ]) {
      const error = await updateEntity({
        store: t.store,
        actor: OPERATOR,
        id: e.id,
        patch: { translations },
      }).catch((x) => x);
      expect(error).toBeInstanceOf(ValidationFailed);
    }
    expect((await t.store.entities.findById(e.id))?.version).toBe(1);
  });

  it('merges translations language by language; null removes a value or a language', async () => {
    const e = await strategy();
    const patched = await updateEntity({
      store: t.store,
      actor: OPERATOR,
      id: e.id,
      patch: {
        translations: { es: { title: 'Estrategia Nacional' }, fr: { metadata: { summary: null } }, ar: null },
      },
    });
    expect(patched.translations).toEqual({
      fr: { title: 'Stratégie nationale de cybersécurité' },
      es: { title: 'Estrategia Nacional' },
    });
    // Untouched by a merge that does not name translations.
    const retitled = await updateEntity({
      store: t.store,
      actor: OPERATOR,
      id: e.id,
      patch: { title: 'NCS' },
    });
    expect(retitled.translations).toEqual(patched.translations);
    // A whole replacement replaces them too.
    const replaced = await replaceEntity({
      store: t.store,
      actor: OPERATOR,
      id: e.id,
      ifMatch: retitled.version,
      input: { template: 'Document', title: 'NCS', metadata: { summary: 'x' }, translations: {} } as never,
    });
    expect(replaced.translations).toEqual({});
  });

  it('falls back to the entity own language, naming each untranslated field', async () => {
    const e = await strategy();
    const template = (await t.store.templates.findByName('Document'))!;
    expect(localizeEntity(e, template, 'fr')).toMatchObject({
      title: 'Stratégie nationale de cybersécurité',
      metadata: { summary: 'Protège les réseaux.', pages: 40 },
      untranslated: ['source'],
    });
    const ru = localizeEntity(e, template, 'ru');
    expect(ru.title).toBe('National Cybersecurity Strategy');
    expect(ru.untranslated.sort()).toEqual(['source', 'summary', 'title']);
    expect(localizeEntity(e, template, 'en').untranslated).toEqual([]);
  });

  it('logs each translated value as its own field and reverts one', async () => {
    const e = await strategy();
    await updateEntity({
      store: t.store,
      actor: OPERATOR,
      id: e.id,
      patch: { translations: { fr: { title: 'Stratégie 2030' } } },
    });
    const [entry] = await t.store.activity.list({ limit: 1 });
    expect(entry?.changes).toEqual([
      {
        field: 'translations.fr.title',
        before: 'Stratégie nationale de cybersécurité',
        after: 'Stratégie 2030',
      },
    ]);
    const reverted = await revertActivity({ store: t.store, actor: OPERATOR, activityId: entry!.id });
    expect(reverted.translations.fr?.title).toBe('Stratégie nationale de cybersécurité');
    expect(reverted.translations.ar).toEqual(e.translations.ar);
  });
});
