import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  documentsWithText,
  quoteIn,
  RESPONSE,
  replaceText,
  STATEMENT,
  seedReferenceTypes,
  type TextDocument,
} from '../../test/reference-fixtures.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { createReference } from './create-reference.ts';
import { deleteReference } from './delete-reference.ts';
import { Forbidden, NotFound, Unauthorized, ValidationFailed } from './errors.ts';
import { listOrphanedReferences } from './list-orphaned-references.ts';
import { listReferences } from './list-references.ts';
import { type Actor, OPERATOR } from './permissions.ts';
import { reanchorFileReferences } from './reanchor-file-references.ts';

const collaborator: Actor = { id: null, username: 'colla', role: 'collaborator' };
const editor: Actor = { id: null, username: 'edith', role: 'editor' };

describe('references', () => {
  let t: TempStore;
  let statement: TextDocument;
  let response: TextDocument;
  const connect = (actor: Actor, sourceQuote: string, targetQuote?: string) =>
    createReference({
      store: t.store,
      actor,
      input: {
        relationType: 'responds-to',
        source: quoteIn(response.file.id, response.fullText, sourceQuote),
        targetEntityId: statement.entity.id,
        target: targetQuote ? quoteIn(statement.file.id, statement.fullText, targetQuote) : undefined,
      },
    });
  const validationPaths = async (p: Promise<unknown>) => {
    const error = await p.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    return (error as ValidationFailed).errors.map((e) => e.path);
  };

  beforeEach(async () => {
    t = await createTempStore();
    await seedReferenceTypes(t.store);
    [statement, response] = await documentsWithText(t.store, t.config, [
      { title: 'Statement', text: STATEMENT },
      { title: 'Response', text: RESPONSE },
    ]);
  });
  afterEach(() => t.cleanup());

  it('stores anchors whose offsets and quote agree with the stored text', async () => {
    const ref = await connect(
      collaborator,
      'protecting critical infrastructure from ICT threats',
      'protect their critical infrastructure from ICT threats',
    );
    for (const [anchor, text] of [
      [ref.source, response.fullText],
      [ref.target!, statement.fullText],
    ] as const) {
      expect(text.slice(anchor.start, anchor.end)).toBe(anchor.exact);
      expect(anchor.prefix).toBe(text.slice(Math.max(0, anchor.start - 32), anchor.start));
      expect(anchor.suffix).toBe(text.slice(anchor.end, anchor.end + 32));
    }
    expect(ref).toMatchObject({
      relationType: 'responds-to',
      relationLabel: 'responds to',
      sourceEntityId: response.entity.id,
      targetEntityId: statement.entity.id,
      orphaned: false,
      sourcePlace: { entityTitle: 'Response', page: 1 },
      targetPlace: { entityTitle: 'Statement', page: 1 },
    });
    const paragraphs = await t.store.pages.listParagraphs(statement.file.id);
    const holder = paragraphs.find((p) => p.start <= ref.target!.start && ref.target!.end <= p.end);
    expect(ref.targetPlace.paragraphId).toBe(holder?.id);
    expect(await t.store.activity.list({ limit: 1 })).toMatchObject([{ action: 'create', targetId: ref.id }]);
  });

  it('names the field when a quote, offsets, file, entity or relation type is wrong', async () => {
    const source = quoteIn(response.file.id, response.fullText, 'Assistance requests');
    const base = { relationType: 'responds-to', source, targetEntityId: statement.entity.id };
    const create = (input: object) =>
      createReference({ store: t.store, actor: editor, input: { ...base, ...input } });
    expect(await validationPaths(create({ source: { ...source, exact: 'Assistance request!' } }))).toEqual([
      'source.exact',
    ]);
    expect(
      await validationPaths(create({ source: { ...source, end: response.fullText.length + 5 } })),
    ).toEqual(['source.end']);
    expect(await validationPaths(create({ relationType: 'cites' }))).toEqual(['relationType']);
    expect(await validationPaths(create({ targetEntityId: 'nosuchentity' }))).toEqual(['targetEntityId']);
    expect(
      await validationPaths(create({ target: quoteIn(response.file.id, response.fullText, 'We agree') })),
    ).toEqual(['target.fileId']);
  });

  it('allows overlapping references and lists each by entity, file and paragraph', async () => {
    const a = await connect(collaborator, 'protecting critical infrastructure', 'critical infrastructure');
    const b = await connect(editor, 'critical infrastructure from ICT threats', 'protect their critical');
    const c = await connect(editor, 'Assistance requests'); // text-to-entity
    const outgoing = await listReferences({
      store: t.store,
      actor: editor,
      query: { entityId: response.entity.id },
    });
    expect(outgoing.total).toBe(3);
    expect(outgoing.items.map((r) => r.direction)).toEqual(['outgoing', 'outgoing', 'outgoing']);
    const incoming = await listReferences({
      store: t.store,
      actor: editor,
      query: { entityId: statement.entity.id },
    });
    expect(incoming.items.map((r) => r.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(incoming.items.every((r) => r.direction === 'incoming')).toBe(true);
    expect(c.target).toBeNull();
    const inFile = await listReferences({
      store: t.store,
      actor: editor,
      query: { fileId: statement.file.id },
    });
    expect(inFile.items.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    const byParagraph = await listReferences({
      store: t.store,
      actor: editor,
      query: { paragraphId: a.sourcePlace.paragraphId!, limit: 1 },
    });
    expect(byParagraph).toMatchObject({ total: 2, limit: 1 });
    expect(byParagraph.items).toHaveLength(1);
  });

  it('lets collaborators create, editors delete and anonymous readers see only published pairs', async () => {
    await expect(connect(null, 'Assistance requests')).rejects.toBeInstanceOf(Unauthorized);
    const ref = await connect(collaborator, 'Assistance requests', 'respond to appropriate requests');
    const list = () => listReferences({ store: t.store, actor: null, query: { fileId: response.file.id } });
    await expect(list()).rejects.toBeInstanceOf(NotFound);
    await t.store.entities.update(
      { ...response.entity, published: true, updatedAt: new Date().toISOString() },
      response.entity.version,
    );
    expect((await list()).total).toBe(0); // the statement is still unpublished
    await t.store.entities.update(
      { ...statement.entity, published: true, updatedAt: new Date().toISOString() },
      statement.entity.version,
    );
    expect((await list()).items.map((r) => r.id)).toEqual([ref.id]);
    await expect(deleteReference({ store: t.store, actor: collaborator, id: ref.id })).rejects.toBeInstanceOf(
      Forbidden,
    );
    await deleteReference({ store: t.store, actor: editor, id: ref.id });
    expect((await list()).total).toBe(0);
    await expect(deleteReference({ store: t.store, actor: editor, id: ref.id })).rejects.toBeInstanceOf(
      NotFound,
    );
  });

  it('re-attaches moved quotes and orphans deleted ones after the text changes, deleting none', async () => {
    const moved = await connect(editor, 'Assistance requests', 'protect their critical infrastructure');
    const edited = await connect(
      editor,
      'We agree',
      'knowingly support ICT activity that intentionally damages',
    );
    const lost = await connect(editor, 'reasonable time', 'respond to appropriate requests for assistance');
    const newText = [
      'National statement on responsible state behaviour in cyberspace, second edition.',
      'Preamble: this edition adds a preamble and drops the paragraph on assistance.',
      'States should take appropriate measures to protect their critical infrastructure from ICT threats.',
      'States should not conduct or knowingly support any ICT activity that intentionally damages critical infrastructure.',
    ].join('\n\n');
    // Draining the queue re-anchors on its own (createIngestRunner); an explicit run afterwards finds
    // nothing left to move.
    const fullText = await replaceText(t.store, t.config, statement.file, newText);
    expect(await t.store.activity.list({ limit: 1, targetId: statement.file.id })).toMatchObject([
      { action: 'reanchor', summary: expect.stringContaining('2 moved, 1 orphaned') },
    ]);
    const summary = await reanchorFileReferences({
      store: t.store,
      actor: OPERATOR,
      fileId: statement.file.id,
    });
    expect(summary).toMatchObject({ total: 3, moved: 0, orphaned: 0 });

    const all = await listReferences({ store: t.store, actor: editor, query: { fileId: statement.file.id } });
    const byId = new Map(all.items.map((r) => [r.id, r]));
    expect(all.total).toBe(3);
    for (const id of [moved.id, edited.id]) {
      const r = byId.get(id)!;
      expect(r.orphaned).toBe(false);
      expect(fullText.slice(r.target!.start, r.target!.end)).toBe(r.target!.exact);
    }
    expect(byId.get(moved.id)!.target!.exact).toBe('protect their critical infrastructure');
    expect(byId.get(edited.id)!.target!.exact).toBe(
      'knowingly support any ICT activity that intentionally damages',
    );
    expect(byId.get(lost.id)).toMatchObject({ orphaned: true, target: lost.target });

    const orphaned = await listOrphanedReferences({ store: t.store, actor: editor });
    expect(orphaned.items.map((r) => r.id)).toEqual([lost.id]);
    await expect(listOrphanedReferences({ store: t.store, actor: collaborator })).rejects.toBeInstanceOf(
      Forbidden,
    );
  });
});
