import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-process.ts';
import { type Login, loginAs } from '../../test/factories.ts';
import { ingestFiles } from '../../test/ingest-files.ts';
import { launchForScans } from '../../test/scanned-pdf.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { drainIngestQueue } from '../cli/context.ts';
import { INGEST_FILE_JOB } from '../domain/schemas/job.ts';
import type { TocEntry } from '../domain/schemas/toc.ts';
import { buildApp } from '../server/app.ts';

/**
 * Tables of contents from a PDF's outline and, without one, from its headings. The same report printed by
 * Chromium twice: with its outline (bookmarks from h1–h3; "Annex: contacts" is an h2 set in body type, which
 * the outline places at level 2 and the headings only by its isolation, at body size: the lowest level) and
 * without. Read through the API and the CLI, anchored to the
 * paragraphs they lead to, and the same anchors after the file is extracted again.
 */
const filler = (topic: string) =>
  `<p>This section sets out how the ministry handles ${topic}. Operators of essential services, regulators and the national response team each have a part in it, described in the paragraphs below.</p>`.repeat(
    3,
  );
const HTML = `<!doctype html><html><head><meta charset="utf-8"><style>
  body{font:12pt/1.4 'Noto Serif',serif;margin:0} h1{font-size:22pt} h2{font-size:16pt} h3{font-size:13pt}
  .page{break-after:page} h2.plain{font:12pt/1.4 'Noto Serif',serif;margin:0}
</style></head><body>
<div class="page"><h1>Cyber security strategy</h1>${filler('strategy')}<h2>1. Governance</h2>${filler('governance')}</div>
<div class="page"><h2>2. Incident response</h2>${filler('incidents')}<h3>2.1 Reporting duties</h3>${filler('reporting')}</div>
<div><h2 class="plain">Annex: contacts</h2>${filler('contacts')}</div>
</body></html>`;

let t: TempStore;
let app: FastifyInstance;
let withOutline: string;
let withoutOutline: string;
let reader: Login;

beforeAll(async () => {
  t = await createTempStore();
  const browser = await launchForScans();
  try {
    const page = await browser.newPage();
    await page.setContent(HTML);
    for (const outline of [true, false])
      writeFileSync(
        join(t.dataDir, `strategy-${outline ? 'outline' : 'plain'}.pdf`),
        await page.pdf({
          format: 'A4',
          outline,
          tagged: outline,
          margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' },
        }),
      );
  } finally {
    await browser.close();
  }
  const outcomes = await ingestFiles(t, [
    join(t.dataDir, 'strategy-outline.pdf'),
    join(t.dataDir, 'strategy-plain.pdf'),
  ]);
  [withOutline, withoutOutline] = outcomes.map((o) => o.fileId!) as [string, string];
  app = await buildApp({ config: t.config, store: t.store });
  reader = await loginAs(app, 'collaborator');
}, 120_000);
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

const tocOf = async (fileId: string): Promise<TocEntry[]> => {
  // The documents are not published: a signed-in reader sees them.
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/files/${fileId}/toc`,
    headers: { cookie: reader.cookie },
  });
  expect(res.statusCode).toBe(200);
  return res.json();
};
const shape = (toc: TocEntry[]) => toc.map((e) => [e.level, e.label, e.page]);

describe('table of contents', () => {
  it("comes from the PDF's outline, with levels, pages and anchors to the paragraphs", async () => {
    const toc = await tocOf(withOutline);
    expect(shape(toc)).toEqual([
      [1, 'Cyber security strategy', 1],
      [2, '1. Governance', 1],
      [2, '2. Incident response', 2],
      [3, '2.1 Reporting duties', 2],
      [2, 'Annex: contacts', 3],
    ]);
    const paragraphs = await t.store.pages.listParagraphs(withOutline);
    for (const e of toc) {
      const p = paragraphs.find((x) => x.id === e.paragraphId);
      expect(p?.text.startsWith(e.label), e.label).toBe(true);
      expect(p?.page).toBe(e.page);
    }
  });

  it('comes from the headings when there is no outline, levelled by type size', async () => {
    expect(shape(await tocOf(withoutOutline))).toEqual([
      [1, 'Cyber security strategy', 1],
      [2, '1. Governance', 1],
      [2, '2. Incident response', 2],
      [3, '2.1 Reporting duties', 2],
      [4, 'Annex: contacts', 3],
    ]);
  });

  it('is printed by `cyberportal toc FILE_ID --json` and keeps its anchors across a re-extraction', async () => {
    const before = await tocOf(withOutline);
    await t.store.jobs.enqueue(INGEST_FILE_JOB, { fileId: withOutline }, new Date().toISOString());
    await drainIngestQueue(t.store, t.config);
    expect(await tocOf(withOutline)).toEqual(before);
    const cli = await runCli(t.dataDir, ['toc', withOutline, '--json']).done;
    expect(cli.code, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(before);
    expect(Object.keys(before[0]!)).toEqual(['label', 'level', 'page', 'paragraphId']);
  });

  it('is a 404 for an unknown file', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/files/nope/toc' })).statusCode).toBe(404);
  });
});
