import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  documentsWithText,
  quoteIn,
  RESPONSE,
  replaceText,
  seedReferenceTypes,
  type TextDocument,
} from '../../test/reference-fixtures.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { createReference } from './create-reference.ts';
import { listReferences } from './list-references.ts';
import { type Actor, OPERATOR } from './permissions.ts';

// Golden fixture (test/fixtures/reanchor): near-identical numbered paragraphs, two removed in the new version.
// A quote from a removed paragraph matches its neighbours about equally well: it must be orphaned with its
// old anchor kept, never moved to a neighbour; quotes from the kept paragraphs must follow their paragraph.
const DIR = join(import.meta.dirname, '../../test/fixtures/reanchor');
type Expected = {
  v1: string;
  v2: string;
  connections: { paragraph: number; quote: string; expect: 'unchanged' | 'moved' | 'orphaned' }[];
};
const golden = JSON.parse(readFileSync(join(DIR, 'numbered-paragraphs.expected.json'), 'utf8')) as Expected;
const V1 = readFileSync(join(DIR, golden.v1), 'utf8');
const V2 = readFileSync(join(DIR, golden.v2), 'utf8');

const editor: Actor = { id: null, username: 'edith', role: 'editor' };

/** Offset of the paragraph numbered `n` ("n. …") in a text. */
const paragraphStart = (text: string, n: number) => {
  if (text.startsWith(`${n}. `)) return 0;
  const at = text.indexOf(`\n${n}. `);
  if (at < 0) throw new Error(`no paragraph ${n}`);
  return at + 1;
};

/** The number of the paragraph holding offset `at`. */
const paragraphAt = (text: string, at: number) => {
  const start = text.lastIndexOf('\n', at) + 1;
  return Number(/^(\d+)\./.exec(text.slice(start))?.[1]);
};

describe('re-anchoring near-identical numbered paragraphs (golden fixture)', () => {
  let t: TempStore;
  let numbered: TextDocument;
  let response: TextDocument;

  beforeEach(async () => {
    t = await createTempStore();
    await seedReferenceTypes(t.store);
    [numbered, response] = await documentsWithText(t.store, t.config, [
      { title: 'Numbered', text: V1 },
      { title: 'Response', text: RESPONSE },
    ]);
  });
  afterEach(() => t.cleanup());

  it('moves quotes of kept paragraphs with them and orphans those of removed ones, keeping their anchors', async () => {
    const created = [];
    for (const c of golden.connections) {
      const from = paragraphStart(numbered.fullText, c.paragraph);
      const start = numbered.fullText.indexOf(c.quote, from);
      expect(paragraphAt(numbered.fullText, start)).toBe(c.paragraph);
      const ref = await createReference({
        store: t.store,
        actor: editor,
        input: {
          relationType: 'responds-to',
          source: quoteIn(response.file.id, response.fullText, 'Assistance requests'),
          targetEntityId: numbered.entity.id,
          target: {
            fileId: numbered.file.id,
            start,
            end: start + c.quote.length,
            exact: c.quote,
            prefix: '',
            suffix: '',
            rects: [],
          },
        },
      });
      created.push({ ...c, ref });
    }

    const v2 = await replaceText(t.store, t.config, numbered.file, V2);
    const all = await listReferences({
      store: t.store,
      actor: OPERATOR,
      query: { fileId: numbered.file.id },
    });
    const byId = new Map(all.items.map((r) => [r.id, r]));
    const outcomes = created.map(({ paragraph, quote, expect: wanted, ref }) => {
      const now = byId.get(ref.id)!;
      const target = now.target!;
      if (now.orphaned) {
        // The v1 anchor, exactly: quote, offsets, context and rectangles untouched.
        expect(target).toEqual(ref.target);
        return { paragraph, quote, expect: wanted, got: 'orphaned' };
      }
      expect(v2.slice(target.start, target.end)).toBe(target.exact);
      const got =
        target.exact !== quote
          ? `moved to "${target.exact}" in paragraph ${paragraphAt(v2, target.start)}`
          : target.start === ref.target!.start
            ? 'unchanged'
            : paragraphAt(v2, target.start) === paragraph
              ? 'moved'
              : `moved to paragraph ${paragraphAt(v2, target.start)}`;
      return { paragraph, quote, expect: wanted, got };
    });
    expect(outcomes).toEqual(golden.connections.map((c) => ({ ...c, got: c.expect })));
  });
});
