/**
 * The HTML fixtures (bench/segmentation/fixtures/*.html) printed to tagged PDFs by Debian's Chromium, with
 * their ground truth read from the DOM they were printed from (not from the PDF): every paragraph-level
 * element's text, ordered list items with the number Chromium prints, and which of them are headings.
 *
 *   npx tsx bench/segmentation/print-html.ts [--golden]   → bench/.out/segmentation/<name>.pdf + .json
 *   --golden also refreshes the small committed copies under test/fixtures/pdf/tagged/.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export interface PrintedTruth {
  paragraphs: Array<{ text: string; isHeading: boolean }>;
  /** Lines printed in the page margins by the print template: they must not leak into paragraphs. */
  running: string[];
}

export interface Printed {
  name: string;
  pdf: Uint8Array;
  truth: PrintedTruth;
}

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const RUNNING_TITLE = 'Cyber Policy Portal — segmentation fixture';

/**
 * Runs in the page: the DOM's paragraph-level elements, outermost only, in document order. A string, because
 * tsx's compiled functions call a helper (__name) that does not exist in the page.
 */
const DOM_TRUTH = `(() => {
  const norm = (s) => s.replace(/\\s+/g, ' ').trim();
  const blocks = [...document.body.querySelectorAll('h1,h2,h3,h4,h5,h6,p,li,th,td')].filter(
    (el) => !el.parentElement?.closest('p,li,th,td'),
  );
  return blocks
    .map((el) => {
      let text = norm(el.textContent ?? '');
      if (el.tagName === 'LI') {
        const list = el.parentElement;
        const start = Number(list?.getAttribute('start') ?? 1);
        // Chromium prints an ordered list's number as text and a bullet as a drawn disc (no text).
        if (list?.tagName === 'OL') text = [...list.children].indexOf(el) + start + '. ' + text;
      }
      return { text, isHeading: /^H[1-6]$/.test(el.tagName) };
    })
    .filter((b) => b.text.length > 0);
})()`;

export async function printFixtures(names?: string[], dir = FIXTURES): Promise<Printed[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .filter((f) => !names || names.includes(basename(f, '.html')))
    .sort();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const out: Printed[] = [];
  try {
    const page = await browser.newPage();
    for (const f of files) {
      await page.setContent(readFileSync(join(dir, f), 'utf8'), { waitUntil: 'load' });
      const paragraphs = (await page.evaluate(DOM_TRUTH)) as PrintedTruth['paragraphs'];
      const pdf = await page.pdf({
        tagged: true,
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        // Running header and page number in the margins, as printed web pages and reports carry them.
        headerTemplate: `<div style="font-size:8px;width:100%;text-align:center">${RUNNING_TITLE}</div>`,
        footerTemplate:
          '<div style="font-size:8px;width:100%;text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
        margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' },
        preferCSSPageSize: false,
      });
      out.push({
        name: basename(f, '.html'),
        pdf: new Uint8Array(pdf),
        truth: { paragraphs, running: [RUNNING_TITLE] },
      });
    }
  } finally {
    await browser.close();
  }
  return out;
}

/**
 * Small enough to commit (< 100 KB each) and read exactly by the tag reader: the golden tests' inputs. The
 * HTML files in the golden folder itself (short pages for one text-layer case each) are printed there too.
 */
const GOLDEN = ['numbered', 'table-list', 'mirrored', 'two-columns', 'arabic'];
const GOLDEN_DIR = fileURLToPath(new URL('../../test/fixtures/pdf/tagged/', import.meta.url));

const save = (dir: string, p: Printed) => {
  writeFileSync(join(dir, `${p.name}.pdf`), p.pdf);
  writeFileSync(join(dir, `${p.name}.json`), `${JSON.stringify(p.truth, null, 2)}\n`);
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = 'bench/.out/segmentation';
  mkdirSync(dir, { recursive: true });
  for (const p of await printFixtures()) {
    save(dir, p);
    process.stdout.write(`${p.name}: ${p.pdf.length} bytes, ${p.truth.paragraphs.length} paragraphs\n`);
    if (process.argv.includes('--golden') && GOLDEN.includes(p.name)) save(GOLDEN_DIR, p);
  }
  if (process.argv.includes('--golden'))
    for (const p of await printFixtures(undefined, GOLDEN_DIR)) {
      save(GOLDEN_DIR, p);
      process.stdout.write(
        `golden ${p.name}: ${p.pdf.length} bytes, ${p.truth.paragraphs.length} paragraphs\n`,
      );
    }
}
