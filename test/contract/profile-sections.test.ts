import { expect, it } from 'vitest';
import type { SectionSpec } from '../../src/domain/profile-sections.ts';
import { describeEachEngine } from './engines.ts';
import { addEntity, addTemplate } from './rows.ts';

describeEachEngine('profile sections', (open) => {
  /** A state listing documents itself (`cites`) and named back by others (`state`), some unpublished. */
  async function seed() {
    const store = await open();
    const stateT = await addTemplate(store, 'State');
    const docT = await addTemplate(store, 'Document');
    const orgT = await addTemplate(store, 'Organisation');
    const state = await addEntity(store, stateT, { title: 'Kenya' });
    const dated = (title: string, date: string | null, published = true) =>
      addEntity(store, docT, { title, published, metadata: date ? { date } : {} });
    const a = await dated('Alpha', '2020-01');
    const b = await dated('Bravo', '2024-05');
    const c = await dated('Charlie', null);
    const d = await dated('Delta', '2024-05', false);
    const e = await dated('Echo', '2024-05');
    const org = await addEntity(store, orgT, { title: 'Org' });
    // Outbound: the state lists a, b, an organisation (wrong template) and d; inbound: c and e name it, so does b.
    await store.entities.replaceLinks(state.id, [
      { property: 'cites', toId: a.id },
      { property: 'cites', toId: b.id },
      { property: 'cites', toId: d.id },
      { property: 'cites', toId: org.id },
    ]);
    for (const x of [c, e, b])
      await store.entities.replaceLinks(x.id, [{ property: 'state', toId: state.id }]);
    await store.entities.replaceLinks(org.id, [{ property: 'state', toId: state.id }]);
    const spec: SectionSpec = {
      entityId: state.id,
      property: 'cites',
      inverse: { property: 'state', template: 'Document' },
      targetTemplate: 'Document',
      dateKey: 'date',
    };
    return { store, spec, ids: { a: a.id, b: b.id, c: c.id, d: d.id, e: e.id } };
  }

  it('lists both sides once, of the target template, newest first then by title, undated last', async () => {
    const { store, spec, ids } = await seed();
    const all = await store.entities.sectionPage(spec, { publishedOnly: false, limit: 50, offset: 0 });
    expect(all.total).toBe(5);
    expect(all.items.map((x) => x.id)).toEqual([ids.b, ids.d, ids.e, ids.a, ids.c]);
    const readers = await store.entities.sectionPage(spec, { publishedOnly: true, limit: 50, offset: 0 });
    expect(readers.total).toBe(4);
    expect(readers.items.map((x) => x.id)).toEqual([ids.b, ids.e, ids.a, ids.c]);
  });

  it('pages through every entity exactly once, with the same total on each page', async () => {
    const { store, spec } = await seed();
    const seen: string[] = [];
    for (let offset = 0; offset < 10; offset += 2) {
      const page = await store.entities.sectionPage(spec, { publishedOnly: false, limit: 2, offset });
      expect(page.total).toBe(5);
      seen.push(...page.items.map((x) => x.id));
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('without an inverse lists only what the entity itself names', async () => {
    const { store, spec, ids } = await seed();
    const own = await store.entities.sectionPage(
      { ...spec, inverse: null, dateKey: null },
      { publishedOnly: true, limit: 50, offset: 0 },
    );
    expect(own.items.map((x) => x.id)).toEqual([ids.a, ids.b]);
    expect(own.total).toBe(2);
  });
});
