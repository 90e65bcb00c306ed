/**
 * A fixed, varied sample of the pdf.js test corpus (../shared/corpus/pdfjs-test-pdfs: real exotic, broken
 * and fuzzed PDFs nobody here wrote) through the real ingest runner: each ends ready, needs-ocr or failed
 * with a reason a person can act on, and a good file queued behind them still ends ready. The whole corpus
 * is run by bench/corpus/run.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-process.ts';
import { makePdf } from '../../../test/fixtures/pdf/make-pdf.ts';
import { ingestFiles, isRawReason, pdfCorpusDir } from '../../../test/ingest-files.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { saveTemplate } from '../../operations/save-template.ts';

const found = pdfCorpusDir();
const present = found !== null;
const CORPUS = found ?? '';
if (!present)
  console.warn(
    'Skipping the corpus tests: no ../shared/corpus/pdfjs-test-pdfs (set CYBERPORTAL_PDF_CORPUS to its folder).',
  );

/** One or two of each kind of trouble the corpus holds. */
const SAMPLE = [
  'bug1782186.pdf', // encrypted, user password
  'empty_protected.pdf', // encrypted, empty password
  'REDHAT-1531897-0.pdf', // damaged beyond reading
  'bug1020226.pdf', // truncated
  'Pages-tree-refs.pdf', // one page of the tree unreadable
  'issue21436.pdf', // catalog points at a page, not a page tree
  'PDFBOX-3148-2-fuzzed.pdf', // fuzzed
  'bug1606566.pdf', // not a PDF at all
  'ContentStreamCycleType3insideType3.pdf', // Type3 glyphs drawing themselves
  'Type3WordSpacing.pdf',
  'simpletype3font.pdf',
  'ArabicCIDTrueType.pdf', // Arabic, CID TrueType
  'issue20930.pdf', // CJK CID font
  'cid_cff.pdf',
  'cidfont_cmap_overflow.pdf',
  'bigboundingbox.pdf', // huge page box
  'rotation.pdf', // rotated pages
  'jbig2_symbol_offset.pdf', // JBIG2 scan
  'bug_jpx.pdf', // JPEG 2000 image
  'multiple-filters-length-zero.pdf',
  'recursiveCompositGlyf.pdf', // recursive TrueType glyphs
  'tiling-pattern-large-steps.pdf',
  'nested_outline.pdf',
  'ZapfDingbats.pdf', // symbol font
  'Brotli-Prototype-FileA.pdf', // the largest, 25 pages
];

let t: TempStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe.skipIf(!present)('real-world PDFs from the pdf.js corpus', () => {
  it('ends each ready, needs-ocr or failed with a human reason, and a good file queued after them ready', async () => {
    t = await createTempStore({ ingestTimeoutSeconds: 60 });
    const good = join(t.dataDir, 'good.pdf');
    const made = await makePdf({ blocks: [{ text: 'States should cooperate on the security of ICTs.' }] });
    writeFileSync(good, made.bytes);
    const outcomes = await ingestFiles(t, [...SAMPLE.map((f) => join(CORPUS, f)), good]);
    for (const o of outcomes) {
      const seen = { file: o.path, status: o.status, reason: o.reason };
      expect(['ready', 'needs-ocr', 'failed'], JSON.stringify(seen)).toContain(o.status);
      expect(
        o.events.filter((e) => e === 'started'),
        JSON.stringify(seen),
      ).toHaveLength(1);
      if (o.status !== 'ready') {
        expect(o.reason?.trim(), JSON.stringify(seen)).toBeTruthy();
        expect(isRawReason(o.reason!), JSON.stringify(seen)).toBe(false);
      }
    }
    const statusOf = (name: string) => outcomes.find((o) => o.path.endsWith(`/${name}`));
    // The sample covers all three outcomes, and the reasons say what happened.
    expect(statusOf('bug1782186.pdf')).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/password/),
    });
    expect(statusOf('bug1020226.pdf')).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/incomplete/),
    });
    expect(statusOf('ArabicCIDTrueType.pdf')).toMatchObject({ status: 'ready' });
    // A scan is extracted (no text: needs OCR), then read by its OCR job, each once.
    expect(statusOf('jbig2_symbol_offset.pdf')).toMatchObject({
      status: 'ready',
      reason: expect.stringMatching(/^Text recognised by OCR/),
      events: ['started', 'finished:needs-ocr', 'started:ocr', 'finished:ready'],
    });
    expect(statusOf('good.pdf')).toMatchObject({ status: 'ready', paragraphs: 1 });
  }, 300_000);

  it('`cyberportal add --json` prints a row for every corpus file, the empty and the broken ones too', async () => {
    t = await createTempStore();
    await saveTemplate({
      store: t.store,
      actor: OPERATOR,
      input: { name: 'Note', label: 'Note', properties: [] },
    });
    const files = ['22060_A1_01_Plans.pdf', 'bug1020226.pdf', 'Type3WordSpacing.pdf'].map((f) =>
      join(CORPUS, f),
    );
    const r = await runCli(t.dataDir, ['add', ...files, '--template', 'Note', '--json']).done;
    expect(r.code, r.stderr).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject([
      { file: files[0], status: 'failed', reason: expect.stringMatching(/empty/) },
      { file: files[1], status: 'failed', reason: expect.stringMatching(/incomplete/) },
      { file: files[2], status: 'ready' },
    ]);
  }, 120_000);
});
