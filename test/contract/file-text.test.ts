import { expect, it } from 'vitest';
import { newId } from '../../src/store/ids.ts';
import type { FileTextInput, Store } from '../../src/store/store.ts';
import { describeEachEngine } from './engines.ts';
import { addEntity, addTemplate, at } from './rows.ts';

async function addQueuedFile(store: Store) {
  const e = await addEntity(store, await addTemplate(store));
  const id = newId();
  await store.files.insert({
    id,
    entityId: e.id,
    filename: 'strategy.pdf',
    mimeType: 'application/pdf',
    kind: 'pdf',
    size: 10,
    sha256: 'ab'.repeat(32),
    storageKey: `ab/${id}`,
    status: 'queued',
    reason: null,
    language: null,
    pageCount: null,
    paragraphCount: null,
    progress: null,
    createdAt: at(0),
    updatedAt: at(0),
    role: 'document',
  });
  return id;
}

/** A text of `pages` pages, two paragraphs each (the second a heading on odd pages), in several scripts. */
function extracted(pages: number): FileTextInput {
  const words = [
    'Cyber security strategy',
    'Stratégie nationale',
    'Кибербезопасность',
    'الأمن السيبراني',
    '网络安全',
  ];
  const out: FileTextInput = {
    status: 'ready',
    kind: 'pdf',
    reason: null,
    language: 'en',
    fullText: '',
    pages: [],
    paragraphs: [],
  };
  let offset = 0;
  for (let n = 1; n <= pages; n++) {
    const start = offset;
    const texts = [`${words[n % words.length]} ${n}a.`, `Section ${n}: ${words[(n + 1) % words.length]}.`];
    for (const [i, text] of texts.entries()) {
      out.paragraphs.push({
        key: `k${n}-${i}`,
        ordinal: out.paragraphs.length,
        page: n,
        pageEnd: n,
        start: offset,
        end: offset + text.length,
        text,
        isHeading: i === 1 && n % 2 === 1,
        language: n % 2 ? 'en' : null,
        rects: [{ page: n, x: 0.1, y: 0.1 * (i + 1), w: 0.8, h: 0.05 }],
      });
      offset += text.length + 1;
    }
    const text = texts.join('\n');
    out.pages.push({
      number: n,
      width: 595.28,
      height: 841.89,
      start,
      end: offset - 1,
      text,
      lines: [{ start, end: offset - 1, rect: { page: n, x: 0.1, y: 0.1, w: 0.8, h: 0.1 } }],
    });
  }
  out.fullText = out.pages.map((p) => p.text).join('\n');
  return out;
}

async function write(
  store: Store,
  fileId: string,
  text: FileTextInput,
  ids = text.paragraphs.map(() => newId()),
) {
  await store.transaction(async (tx) => {
    await tx.fileText.insertBatch(fileId, text.pages, text.paragraphs, ids);
    await tx.fileText.setTextStatus(fileId, {
      ...text,
      pageCount: text.pages.length,
      paragraphCount: text.paragraphs.length,
    });
  });
  return ids;
}

describeEachEngine('file text, pages and paragraphs', (open) => {
  it('reads back pages, lines and paragraphs exactly as written, in order', async () => {
    const store = await open();
    const fileId = await addQueuedFile(store);
    const text = extracted(3);
    const ids = await write(store, fileId, text);
    expect(await store.files.findById(fileId)).toMatchObject({
      status: 'ready',
      pageCount: 3,
      paragraphCount: 6,
    });
    expect(await store.files.fullText(fileId)).toBe(text.fullText);
    const pages = await store.pages.listPages(fileId);
    expect(pages).toEqual(text.pages.map((p) => ({ ...p, fileId })));
    expect((await store.pages.listPages(fileId, 2, 3)).map((p) => p.number)).toEqual([2, 3]);
    const paragraphs = await store.pages.listParagraphs(fileId);
    expect(paragraphs.map((p) => p.id)).toEqual(ids);
    expect(paragraphs[1]).toEqual({
      id: ids[1],
      fileId,
      ordinal: 1,
      page: 1,
      pageEnd: 1,
      start: text.paragraphs[1]!.start,
      end: text.paragraphs[1]!.end,
      text: text.paragraphs[1]!.text,
      isHeading: true,
      language: 'en',
      rects: text.paragraphs[1]!.rects,
    });
    expect((await store.pages.listParagraphs(fileId, 2)).map((p) => p.ordinal)).toEqual([2, 3]);
    const stored = await store.fileText.paragraphs(fileId);
    expect(stored.map((p) => [p.id, p.is_heading])).toEqual(
      ids.map((id, i) => [id, i === 1 || i === 5 ? 1 : 0]),
    );
  });

  it('finds the lines of the pages a range touches', async () => {
    const store = await open();
    const fileId = await addQueuedFile(store);
    const text = extracted(3);
    await write(store, fileId, text);
    const [p1, p2] = text.pages;
    const lines = await store.pages.linesOverlapping(fileId, p1!.end - 1, p2!.start + 1);
    expect(lines).toEqual([...p1!.lines, ...p2!.lines]);
  });

  it('keeps paragraph ids by text key, and removes a text batch by batch', async () => {
    const store = await open();
    const fileId = await addQueuedFile(store);
    const text = extracted(40);
    const ids = await write(store, fileId, text);
    const byKey = await store.fileText.paragraphIdsByKey(fileId, (texts) => texts.map((t) => `key:${t}`));
    expect(byKey.get(`key:${text.paragraphs[7]!.text}`)).toBe(ids[7]);
    let removed = 0;
    for (let n = -1; n !== 0; removed += n)
      n = await store.transaction((tx) => tx.fileText.deleteBatch(fileId, 25));
    expect(removed).toBe(80 + 40);
    expect(await store.pages.listPages(fileId)).toEqual([]);
    expect(await store.pages.listParagraphs(fileId)).toEqual([]);
  });

  it('tracks processing, progress and failure, and never moves a finished file back to processing', async () => {
    const store = await open();
    const fileId = await addQueuedFile(store);
    await store.fileText.setProcessing(fileId, 0);
    await store.fileText.setProgress(fileId, 0.5);
    expect(await store.files.findById(fileId)).toMatchObject({ status: 'processing', progress: 0.5 });
    await write(store, fileId, extracted(1));
    await store.fileText.setProgress(fileId, 0.9);
    expect(await store.files.findById(fileId)).toMatchObject({ status: 'ready', progress: null });
    await store.fileText.setFailed(fileId, 'The file is damaged.');
    expect(await store.fileText.status(fileId)).toEqual({ status: 'failed', reason: 'The file is damaged.' });
    expect(await store.fileText.status('missing')).toBeUndefined();
    expect(await store.fileText.forIngest(fileId)).toEqual({
      id: fileId,
      storage_key: `ab/${fileId}`,
      filename: 'strategy.pdf',
    });
  });

  it('removes a file’s pages and paragraphs with it', async () => {
    const store = await open();
    const fileId = await addQueuedFile(store);
    await write(store, fileId, extracted(2));
    await store.files.delete(fileId);
    expect(await store.pages.listPages(fileId)).toEqual([]);
    expect(await store.pages.listParagraphs(fileId)).toEqual([]);
  });
});
