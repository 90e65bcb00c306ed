import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuggestOutcome, SuggestParams } from '../../../search/suggest.ts';
import { suggestParagraphs } from './suggest.ts';
import { addDocument, standardTemplates } from './test-data.ts';
import { createFixture, type Fixture } from './test-fixtures.ts';

const anonymous = { canSeeUnpublished: false };
const editor = { canSeeUnpublished: true };

let fx: Fixture;
const doc: Record<string, { entityId: string; fileId: string; paragraphs: Map<string, string> }> = {};

/** Adds a document and remembers its file and paragraph ids, by the paragraphs' first word. */
function add(name: string, paragraphs: string[], published = true) {
  const entityId = addDocument(fx, { title: name, paragraphs, published });
  const fileId = fx.sqlite
    .prepare('SELECT id FROM files WHERE entity_id = ?')
    .pluck()
    .get(entityId) as string;
  // The fixture writes no full text; the store's is the paragraphs joined as their offsets say.
  fx.sqlite.prepare('UPDATE files SET full_text = ? WHERE id = ?').run(paragraphs.join('\n\n'), fileId);
  const rows = fx.sqlite
    .prepare('SELECT id, text FROM paragraphs WHERE file_id = ? ORDER BY ordinal')
    .all(fileId) as { id: string; text: string }[];
  doc[name] = { entityId, fileId, paragraphs: new Map(rows.map((r) => [r.text.split(' ')[0]!, r.id])) };
}
const para = (name: string, first: string) => doc[name]!.paragraphs.get(first)!;

const SOURCE =
  'Operators of critical information infrastructure shall notify the national CERT of every significant ' +
  'incident within twenty-four hours.';

beforeAll(async () => {
  fx = await createFixture();
  standardTemplates(fx);
  // Words every document uses ("national", "shall", "government") so that idf tells them from the salient ones.
  for (let i = 0; i < 6; i++)
    add(`Filler ${i}`, [
      `The national government shall publish the national strategy and shall review it every year (${i}).`,
      'The government shall consult the public on national priorities.',
    ]);
  add('Source', [SOURCE, 'Unrelated: tariffs on imported bicycles.']);
  add('Target', [
    'Introduction: the national government shall publish this national strategy, and the national government shall review it.',
    'Reporting: critical information infrastructure operators report a significant incident to the national CERT within twenty-four hours.',
    'Scattered: infrastructure teams handle information about critical operators; hours pass before a significant review of each incident by four or twenty CERT teams.',
    'Bicycles: tariffs are set each year.',
  ]);
  // The same words, so the same bm25; only the order differs. The scattered one is stored first, so
  // without the phrase bonus it would win the tie.
  add('Twins', [
    'Scattered: infrastructure operators report information hours to incident significant critical desks.',
    'Phrased: operators report significant incident hours to critical information infrastructure desks.',
  ]);
  add('Headed', [
    'Heading: notify the national CERT of every significant incident',
    'Body: notify the national CERT of every significant incident, as the regulation lays down in detail.',
  ]);
  fx.sqlite.prepare('UPDATE paragraphs SET is_heading = 1 WHERE id = ?').run(para('Headed', 'Heading:'));
  add('Other', ['Echo: the national CERT receives significant incident notifications from operators.']);
  add(
    'Hidden',
    [
      'Secret: operators of critical information infrastructure shall notify the national CERT of every significant incident within twenty-four hours.',
    ],
    false,
  );
});
afterAll(() => fx.close());

const ok = (out: SuggestOutcome) => {
  if (!out.ok) throw new Error(`expected suggestions, got ${JSON.stringify(out)}`);
  return out.result;
};
const suggest = (p: Omit<SuggestParams, 'viewer'>, viewer = anonymous) =>
  ok(suggestParagraphs(fx.sqlite, { ...p, viewer }));

describe('suggested target paragraphs', () => {
  it('ranks the paragraph sharing the salient words and phrase first, and explains it', () => {
    const r = suggest({ paragraphId: para('Source', 'Operators'), targetEntityId: doc.Target!.entityId });
    expect(r.items[0]!.paragraphId).toBe(para('Target', 'Reporting:'));
    // Same salient words, scattered: second, with no shared phrase.
    expect(r.items[1]!.paragraphId).toBe(para('Target', 'Scattered:'));
    expect(r.items[0]!.score).toBeGreaterThan(r.items[1]!.score);
    expect(r.items[1]!.sharedPhrases).toEqual([]);
    // The paragraph that shares only the common words comes after both, if at all.
    const intro = r.items.findIndex((i) => i.paragraphId === para('Target', 'Introduction:'));
    expect(intro === -1 || intro > 1).toBe(true);
    const best = r.items[0]!;
    expect(best.sharedTerms).toEqual(
      expect.arrayContaining([
        'critical',
        'infrastructure',
        'operators',
        'incident',
        'cert',
        'twenty',
        'hours',
      ]),
    );
    expect(best.sharedPhrases).toEqual([
      'critical information infrastructure',
      'significant incident',
      'national cert',
      'twenty-four hours',
    ]);
    expect(best).toMatchObject({
      fileId: doc.Target!.fileId,
      entityId: doc.Target!.entityId,
      entityTitle: 'Target',
    });
    expect(best.text.startsWith('Reporting:')).toBe(true);
    expect(best.ordinal).toBe(1);
    expect(best.page).toBe(1);
  });

  it('ranks shared phrases above the same words scattered', () => {
    const r = suggest({ paragraphId: para('Source', 'Operators'), targetEntityId: doc.Twins!.entityId });
    expect(r.items.map((i) => i.paragraphId)).toEqual([
      para('Twins', 'Phrased:'),
      para('Twins', 'Scattered:'),
    ]);
    expect(r.items[0]!.sharedPhrases).toEqual([
      'significant incident',
      'critical information infrastructure',
    ]);
    expect(r.items[1]!.sharedPhrases).toEqual([]);
  });

  it('ranks a heading below a paragraph saying the same, though bm25 favours the shorter', () => {
    const r = suggest({ paragraphId: para('Source', 'Operators'), targetEntityId: doc.Headed!.entityId });
    expect(r.items.map((i) => i.paragraphId)).toEqual([para('Headed', 'Body:'), para('Headed', 'Heading:')]);
  });

  it('searches for salient words only: no function words, nothing only the source holds', () => {
    const r = suggest({ paragraphId: para('Source', 'Operators'), targetEntityId: doc.Target!.entityId });
    expect(r.terms).toEqual(expect.arrayContaining(['critical', 'infrastructure', 'cert']));
    for (const stop of ['of', 'the', 'within', 'every']) expect(r.terms).not.toContain(stop);
    // "unrelated" and "imported" are in no other paragraph: searching for them could find nothing.
    const alone = suggest({
      paragraphId: para('Source', 'Unrelated:'),
      targetEntityId: doc.Target!.entityId,
    });
    expect([...alone.terms].sort()).toEqual(['bicycles', 'tariffs']);
    expect(alone.items[0]!.paragraphId).toBe(para('Target', 'Bicycles:'));
  });

  it('keeps to the target entity, or searches everything but the source file', () => {
    const within = suggest({ paragraphId: para('Source', 'Operators'), targetEntityId: doc.Other!.entityId });
    expect(within.items.map((i) => i.paragraphId)).toEqual([para('Other', 'Echo:')]);
    const everywhere = suggest({ paragraphId: para('Source', 'Operators'), limit: 20 });
    const entities = new Set(everywhere.items.map((i) => i.entityId));
    expect(entities.has(doc.Target!.entityId) && entities.has(doc.Other!.entityId)).toBe(true);
    expect(everywhere.items.some((i) => i.fileId === doc.Source!.fileId)).toBe(false);
    expect(everywhere.items[0]!.paragraphId).toBe(para('Target', 'Reporting:'));
    // Within its own entity, the selection itself is never suggested; the rest of the file may be.
    const self = suggest({ paragraphId: para('Source', 'Operators'), targetEntityId: doc.Source!.entityId });
    expect(self.items.some((i) => i.paragraphId === para('Source', 'Operators'))).toBe(false);
  });

  it('hides unpublished entities from anonymous readers, like search', () => {
    const source = para('Source', 'Operators');
    const anon = suggest({ paragraphId: source, limit: 20 });
    expect(anon.items.some((i) => i.entityId === doc.Hidden!.entityId)).toBe(false);
    const signedIn = suggest({ paragraphId: source, limit: 20 }, editor);
    expect(signedIn.items[0]!.paragraphId).toBe(para('Hidden', 'Secret:'));
    const notFound = (p: Omit<SuggestParams, 'viewer'>) =>
      expect(suggestParagraphs(fx.sqlite, { ...p, viewer: anonymous })).toMatchObject({
        ok: false,
        status: 404,
      });
    notFound({ paragraphId: source, targetEntityId: doc.Hidden!.entityId });
    notFound({ paragraphId: para('Hidden', 'Secret:') });
    notFound({ fileId: doc.Hidden!.fileId, start: 0, end: 10 });
    notFound({ paragraphId: 'nosuchparagraph' });
    expect(suggest({ paragraphId: para('Hidden', 'Secret:') }, editor).items.length).toBeGreaterThan(0);
  });

  it('reads a range of the stored full text, and refuses one outside it', () => {
    const start = SOURCE.length + 2; // the second paragraph
    const end = start + 'Unrelated: tariffs on imported bicycles.'.length;
    const r = suggest({ fileId: doc.Source!.fileId, start, end, targetEntityId: doc.Target!.entityId });
    expect(r.items[0]!.paragraphId).toBe(para('Target', 'Bicycles:'));
    const part = SOURCE.indexOf('critical');
    const sub = suggest({
      fileId: doc.Source!.fileId,
      start: part,
      end: part + 'critical information'.length,
    });
    expect(sub.terms).toEqual(expect.arrayContaining(['critical', 'information']));
    expect(sub.terms.length).toBe(2);
    expect(
      suggestParagraphs(fx.sqlite, { fileId: doc.Source!.fileId, start: 0, end: 10_000, viewer: anonymous }),
    ).toMatchObject({ ok: false, status: 400, field: 'end' });
  });

  it('returns nothing, without failing, for a selection of function words or punctuation', () => {
    const r = suggest({ fileId: doc.Source!.fileId, start: 0, end: 'Operators of'.length });
    expect(r.terms).toEqual(['operators']);
    const none = suggest({
      fileId: doc.Source!.fileId,
      start: 'Operators'.length,
      end: 'Operators of '.length,
    });
    expect(none).toEqual({ items: [], terms: [] });
  });
});
