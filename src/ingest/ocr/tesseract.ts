/**
 * The external programs OCR runs, each a child process under a time limit: poppler's `pdfinfo` and
 * `pdftoppm` (a page → a grey PNG) and `tesseract` (a PNG → hOCR). Debian packages poppler-utils and
 * tesseract-ocr (+ tesseract-ocr-eng, -fra, -spa, -rus, -ara, -chi-sim; scripts/ensure-system-deps.js).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Overrun, WorkClock } from '../jobs/work-clock.ts';

/** The six UN languages: ISO 639-1 (as files and entities store them) → tesseract's data names. */
export const TESSERACT_LANGUAGES: Record<string, string> = {
  en: 'eng',
  fr: 'fra',
  es: 'spa',
  ru: 'rus',
  ar: 'ara',
  zh: 'chi_sim',
};
const ISO_OF = Object.fromEntries(Object.entries(TESSERACT_LANGUAGES).map(([k, v]) => [v, k]));

/** A tesseract language name for an ISO 639-1 code or a tesseract name; null when it is neither. */
export function tesseractLanguage(code: string | null | undefined): string | null {
  if (!code) return null;
  const c = code.trim().toLowerCase().replace('-', '_');
  if (ISO_OF[c]) return c;
  if (c === 'chi-sim' || c === 'zh_cn' || c === 'zh_hans') return 'chi_sim';
  return TESSERACT_LANGUAGES[c] ?? null;
}

/** The ISO 639-1 code of a tesseract language name. */
export const isoOfTesseract = (lang: string): string | null => ISO_OF[lang] ?? null;

export class OcrToolError extends Error {}

/** How often a running program's CPU time is read against its limit. */
const POLL_MS = 250;

/**
 * Runs a program under a limit of `timeoutMs` of its own CPU time (work-clock.ts: a page is not failed because
 * the machine is busy), with a wall-clock backstop for a program that hangs without working.
 */
function run(cmd: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let overrun: Overrun = null;
    const child = execFile(
      cmd,
      args,
      {
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
        // One thread per page: the cores are shared with the server and the other ingest slots.
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      },
      (err, stdout, stderr) => {
        clearInterval(watch);
        if (overrun)
          return reject(
            new OcrToolError(
              overrun === 'cpu'
                ? `OCR took too long on one page (${cmd}, over ${Math.round(timeoutMs / 1000)} s of processing).`
                : `OCR stopped responding on one page (${cmd}, no result after ${Math.round(clock.backstopMs / 1000)} s).`,
            ),
          );
        if (!err) return resolve(stdout);
        const e = err as NodeJS.ErrnoException;
        if (e.code === 'ENOENT')
          return reject(
            new OcrToolError(
              `OCR needs \`${cmd}\`, which is not installed on the server: install poppler-utils and tesseract-ocr with its language data (scripts/ensure-system-deps.js), then run \`cyberportal ocr FILE_ID\`.`,
            ),
          );
        reject(new OcrToolError(`${cmd} failed: ${(stderr || e.message).trim().slice(0, 300)}`));
      },
    );
    const clock = new WorkClock(child.pid, timeoutMs);
    const watch = setInterval(() => {
      overrun ??= clock.overrun();
      if (overrun) child.kill('SIGKILL');
    }, POLL_MS);
  });
}

/** Page count and the longest side (points) of each page, from `pdfinfo`. */
export async function pdfPages(pdfPath: string, timeoutMs: number): Promise<number[]> {
  const first = await run('pdfinfo', [pdfPath], timeoutMs);
  const count = Number(/^Pages:\s+(\d+)/m.exec(first)?.[1] ?? 0);
  if (count === 0) return [];
  const sizes = await run('pdfinfo', ['-f', '1', '-l', String(count), pdfPath], timeoutMs);
  const sides = new Map<number, number>();
  for (const m of sizes.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/gm))
    sides.set(Number(m[1]), Math.max(Number(m[2]), Number(m[3])));
  return Array.from({ length: count }, (_, i) => sides.get(i + 1) ?? 842);
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * One page drawn in grey at `dpi` (as displayed: /Rotate applied) into `dir`; returns its path and size.
 * With `crop` (pixels at `dpi`), only that part of the page.
 */
export async function rasterisePage(
  pdfPath: string,
  page: number,
  dpi: number,
  dir: string,
  timeoutMs: number,
  crop?: { x: number; y: number; w: number; h: number },
): Promise<{ path: string; width: number; height: number }> {
  const base = join(dir, `page-${page}${crop ? `-${crop.x}-${crop.y}` : ''}`);
  const cropArgs = crop
    ? ['-x', String(crop.x), '-y', String(crop.y), '-W', String(crop.w), '-H', String(crop.h)]
    : [];
  await run(
    'pdftoppm',
    [
      ...cropArgs,
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-gray',
      '-png',
      '-singlefile',
      pdfPath,
      base,
    ],
    timeoutMs,
  );
  const path = `${base}.png`;
  return { path, ...pngSize(await readFile(path)) };
}

/** Tesseract on one image → hOCR. `lang` is one language or several joined with "+". */
export function recognise(imagePath: string, lang: string, dpi: number, timeoutMs: number): Promise<string> {
  return run('tesseract', [imagePath, '-', '-l', lang, '--dpi', String(dpi), 'hocr'], timeoutMs);
}

/** Language data tesseract has here. */
export async function installedLanguages(timeoutMs = 10_000): Promise<string[]> {
  const out = await run('tesseract', ['--list-langs'], timeoutMs);
  return out
    .split('\n')
    .slice(1)
    .map((l) => l.trim())
    .filter((l) => l && l !== 'osd');
}
