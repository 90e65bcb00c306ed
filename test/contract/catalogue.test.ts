import { expect, it } from 'vitest';
import { newId } from '../../src/store/ids.ts';
import { describeEachEngine } from './engines.ts';
import { addEntity, addTemplate, at } from './rows.ts';

describeEachEngine('templates, thesauri and relation types', (open) => {
  it('stores, finds, lists by name and updates templates, properties in order', async () => {
    const store = await open();
    const doc = await addTemplate(store, 'Document');
    await addTemplate(store, 'Country');
    expect((await store.templates.list()).map((t) => t.name)).toEqual(['Country', 'Document']);
    expect(await store.templates.findByName('Document')).toEqual(doc);
    expect(await store.templates.findById(doc.id)).toEqual(doc);
    expect(await store.templates.findByName('document')).toBeNull();
    const changed = {
      ...doc,
      label: 'Documents',
      labels: { ar: 'وثائق', zh: '文件' },
      sectionLabels: { Strategy: { fr: 'Stratégie' } },
      color: '#224466',
      properties: doc.properties.slice(1).map((p) => ({ ...p, labels: { es: 'Resumen' } })),
      updatedAt: at(9),
    };
    await store.templates.update(changed);
    expect(await store.templates.findById(doc.id)).toEqual(changed);
  });

  it('refuses a second template with the same name', async () => {
    const store = await open();
    await addTemplate(store, 'Document');
    await expect(addTemplate(store, 'Document')).rejects.toThrow();
    expect(await store.templates.list()).toHaveLength(1);
  });

  it('stores thesauri with their values, maps them by name and replaces them', async () => {
    const store = await open();
    const t = {
      id: newId(),
      name: 'regions',
      label: 'Regions',
      values: [
        { id: 'africa', label: 'Africa' },
        { id: 'sahel', label: 'Sahel', group: 'africa' },
      ],
      createdAt: at(0),
      updatedAt: at(0),
    };
    await store.thesauri.insert(t);
    expect(await store.thesauri.findByName('regions')).toEqual(t);
    expect([...(await store.thesauri.mapByNames(['regions', 'missing'])).keys()]).toEqual(['regions']);
    expect((await store.thesauri.mapByNames([])).size).toBe(0);
    const replaced = {
      ...t,
      label: 'World regions',
      labels: { fr: 'Régions du monde', ar: 'مناطق العالم' },
      values: [{ id: 'europe', label: 'Europe', labels: { ru: 'Европа', zh: '欧洲' } }],
      updatedAt: at(5),
    };
    await store.thesauri.update(replaced);
    expect(await store.thesauri.list()).toEqual([replaced]);
  });

  it('stores relation types and changes their labels', async () => {
    const store = await open();
    const cites = { id: newId(), name: 'cites', label: 'cites', inverseLabel: 'cited by' };
    await store.relationTypes.insert(cites);
    expect(await store.relationTypes.findByName('cites')).toEqual(cites);
    const relabelled = {
      ...cites,
      label: 'refers to',
      inverseLabel: 'referred to by',
      labels: { fr: 'renvoie à' },
      inverseLabels: { fr: 'cité par', es: 'citado por' },
    };
    await store.relationTypes.update(relabelled);
    expect(await store.relationTypes.findByName('cites')).toEqual(relabelled);
    expect(await store.relationTypes.findByName('missing')).toBeNull();
  });
});

describeEachEngine('entities', (open) => {
  it('reads back an entity exactly as written: booleans, JSON metadata, ISO timestamps, review dates', async () => {
    const store = await open();
    const t = await addTemplate(store);
    const e = await addEntity(store, t, {
      title: 'Stratégie nationale — 网络安全',
      language: 'fr',
      published: false,
      metadata: { summary: 'Texte', pages: 12, nested: { list: [1, 'two', null] } },
      lastReviewed: { profile: '2026-01-02', sections: { Overview: '2025-12' } },
    });
    const { templateId: _, ...expected } = e;
    expect(await store.entities.findById(e.id)).toEqual(expected);
    expect(await store.entities.findById('missing')).toBeNull();
  });

  it('updates the editable fields at the version they were based on, and deletes an entity with its links', async () => {
    const store = await open();
    const t = await addTemplate(store);
    const a = await addEntity(store, t);
    const b = await addEntity(store, t);
    await store.entities.replaceLinks(a.id, [{ property: 'cites', toId: b.id }]);
    const change = {
      id: b.id,
      title: 'Renamed',
      language: 'es',
      published: false,
      metadata: { summary: 'x' },
      translations: { fr: { title: 'Renommé', metadata: { summary: 'y' } } },
      updatedAt: at(7),
      lastReviewed: { profile: '2026', sections: {} },
    };
    expect(await store.entities.update(change, 1)).toBe(true);
    // A second write based on the same version finds it moved on, and writes nothing.
    expect(await store.entities.update({ ...change, title: 'Stale' }, 1)).toBe(false);
    const updated = await store.entities.findById(b.id);
    expect(updated).toMatchObject({
      title: 'Renamed',
      language: 'es',
      published: false,
      updatedAt: at(7),
      version: 2,
    });
    expect(updated?.lastReviewed).toEqual({ profile: '2026', sections: {} });
    expect(updated?.translations).toEqual({ fr: { title: 'Renommé', metadata: { summary: 'y' } } });
    expect(await store.entities.inboundLinks(b.id)).toEqual([
      { fromId: a.id, property: 'cites', toId: b.id },
    ]);
    await store.entities.delete(a.id);
    expect(await store.entities.findById(a.id)).toBeNull();
    expect(await store.entities.inboundLinks(b.id)).toEqual([]);
  });

  it('replaces links, ignoring a duplicate pair, and lists inbound links by property', async () => {
    const store = await open();
    const t = await addTemplate(store);
    const [a, b, c] = [await addEntity(store, t), await addEntity(store, t), await addEntity(store, t)];
    await store.entities.replaceLinks(a.id, [
      { property: 'cites', toId: c.id },
      { property: 'cites', toId: c.id },
      { property: 'amends', toId: c.id },
    ]);
    await store.entities.replaceLinks(b.id, [{ property: 'cites', toId: c.id }]);
    const inbound = await store.entities.inboundLinks(c.id);
    expect(inbound.map((l) => l.property)).toEqual(['amends', 'cites', 'cites']);
    expect(new Set(inbound.map((l) => l.fromId))).toEqual(new Set([a.id, b.id]));
    await store.entities.replaceLinks(a.id, []);
    expect(await store.entities.inboundLinks(c.id)).toEqual([
      { fromId: b.id, property: 'cites', toId: c.id },
    ]);
  });

  it('pages through a list in the requested order with a total, ties broken by id', async () => {
    const store = await open();
    const t = await addTemplate(store);
    const other = await addTemplate(store, 'Country');
    // Mixed case and accents: both engines order titles by their bytes (SQLite BINARY, PostgreSQL "C").
    const titles = ['beta', 'Alpha', 'alpha', 'Zulu', 'Émile', 'gamma', 'Delta'];
    const made = [];
    for (const [i, title] of titles.entries())
      made.push(await addEntity(store, t, { title, createdAt: at(10 + i), updatedAt: at(100 - i) }));
    await addEntity(store, other, { title: 'Aardvark' });
    const all = async (sort: 'title' | 'updatedAt' | 'createdAt') => {
      const out: string[] = [];
      for (let offset = 0; ; offset += 3) {
        const page = await store.entities.list({
          templateId: t.id,
          publishedOnly: false,
          sort,
          limit: 3,
          offset,
        });
        expect(page.total).toBe(titles.length);
        expect(typeof page.total).toBe('number');
        out.push(...page.items.map((e) => e.title));
        if (page.items.length < 3) return out;
      }
    };
    expect(await all('title')).toEqual(['Alpha', 'Delta', 'Zulu', 'alpha', 'beta', 'gamma', 'Émile']);
    expect(await all('createdAt')).toEqual([...titles].reverse());
    expect(await all('updatedAt')).toEqual(titles);
    const everything = await store.entities.list({
      publishedOnly: false,
      sort: 'title',
      limit: 50,
      offset: 0,
    });
    expect(everything.total).toBe(titles.length + 1);
    expect(everything.items[0]?.title).toBe('Aardvark');
  });

  it('shows only published entities to queries that ask for them', async () => {
    const store = await open();
    const t = await addTemplate(store);
    const pub = await addEntity(store, t, { title: 'Public', published: true });
    const draft = await addEntity(store, t, { title: 'Draft', published: false });
    const published = await store.entities.list({ publishedOnly: true, sort: 'title', limit: 10, offset: 0 });
    expect(published.items.map((e) => e.id)).toEqual([pub.id]);
    expect(published.total).toBe(1);
    expect(
      (await store.entities.findMany([pub.id, draft.id], { publishedOnly: true })).map((e) => e.id),
    ).toEqual([pub.id]);
    expect(
      (await store.entities.findMany([pub.id, draft.id, pub.id, 'missing'])).map((e) => e.id).sort(),
    ).toEqual([pub.id, draft.id].sort());
    expect(await store.entities.publishedAmong([pub.id, draft.id, 'missing'])).toEqual(new Set([pub.id]));
  });

  it('looks up many ids at once, past the IN-list chunk size', async () => {
    const store = await open();
    const t = await addTemplate(store);
    const ids: string[] = [];
    await store.transaction(async (tx) => {
      for (let i = 0; i < 620; i++) ids.push((await addEntity(tx, t, { published: i % 2 === 0 })).id);
    });
    expect((await store.entities.findMany(ids)).length).toBe(620);
    expect((await store.entities.publishedAmong(ids)).size).toBe(310);
    const templates = await store.entities.templatesOf([...ids, 'missing']);
    expect(templates.size).toBe(620);
    expect(new Set(templates.values())).toEqual(new Set(['Document']));
  });

  it('finds entities of a template by a metadata value, whatever its case', async () => {
    const store = await open();
    const country = await addTemplate(store, 'Country');
    const doc = await addTemplate(store, 'Document');
    const fra = await addEntity(store, country, { metadata: { iso3: 'FRA' } });
    await addEntity(store, country, { metadata: { iso3: 'DEU' } });
    await addEntity(store, doc, { metadata: { iso3: 'FRA' } });
    expect(
      await store.entities.findIdsByMetadata({ template: 'Country', key: 'iso3', value: 'fra' }),
    ).toEqual([fra.id]);
    expect(await store.entities.findIdsByMetadata({ template: 'Country', key: 'iso2', value: 'fr' })).toEqual(
      [],
    );
  });

  it('refuses an entity of a template that does not exist', async () => {
    const store = await open();
    const t = await addTemplate(store);
    await expect(addEntity(store, { ...t, id: 'nosuchtmpl' })).rejects.toThrow();
  });
});
