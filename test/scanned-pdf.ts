/**
 * Scanned PDFs made from known text, for the OCR tests and bench: each page's HTML is printed by Debian's
 * Chromium (Noto fonts) as a picture at a scanner's resolution, optionally turned (skew) and speckled
 * (noise), and the pictures become the pages of a PDF that holds no text at all — what a scanner writes.
 */
import { PDFDocument } from 'pdf-lib';
import { type Browser, chromium } from 'playwright-core';

export type ScanOptions = {
  /** Scanner resolution (dots per inch); the page is A4 at it. */
  dpi?: number;
  /** Degrees the sheet is turned on the glass. */
  skewDeg?: number;
  /** Share of pixels flipped to dark or light speckles (0–1). */
  noise?: number;
  /** Seed of the noise, so a bench's scans are the same every run. */
  seed?: number;
};

const A4_CSS = { width: 794, height: 1123 }; // 210 × 297 mm at 96 CSS px per inch

export async function launchForScans(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
}

/** One page of HTML (the body's content) → a PNG as scanned. */
export async function scanPage(browser: Browser, html: string, opts: ScanOptions = {}): Promise<Buffer> {
  const { dpi = 150, skewDeg = 0, noise = 0, seed = 1 } = opts;
  const context = await browser.newContext({ viewport: A4_CSS, deviceScaleFactor: dpi / 96 });
  try {
    const page = await context.newPage();
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"><style>
        html,body{margin:0;background:#fff}
        #sheet{box-sizing:border-box;width:${A4_CSS.width}px;height:${A4_CSS.height}px;padding:72px 80px;
          font:16px/1.45 'Noto Serif','Noto Naskh Arabic','Noto Serif CJK SC',serif;color:#111;
          transform:rotate(${skewDeg}deg);transform-origin:50% 50%}
        h1{font-size:26px;margin:0 0 18px} h2{font-size:20px;margin:22px 0 10px} p{margin:0 0 12px}
        canvas{position:fixed;inset:0;width:100%;height:100%}
      </style></head><body><div id="sheet">${html}</div><canvas id="noise"></canvas></body></html>`,
    );
    // A string, not a function: tsx's helpers (__name) do not exist in the page.
    await page.evaluate(`(() => {
      const c = document.getElementById('noise');
      c.width = innerWidth * devicePixelRatio;
      c.height = innerHeight * devicePixelRatio;
      const noise = ${noise};
      if (noise <= 0) return;
      const g = c.getContext('2d');
      let s = ${seed >>> 0 || 1};
      const rnd = () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return (s >>> 0) / 4294967296; };
      const n = Math.round(c.width * c.height * noise);
      for (let i = 0; i < n; i++) {
        g.fillStyle = rnd() < 0.5 ? 'rgba(0,0,0,0.8)' : 'rgba(255,255,255,0.9)';
        g.fillRect(Math.floor(rnd() * c.width), Math.floor(rnd() * c.height), 1 + Math.floor(rnd() * 2), 1);
      }
    })()`);
    await page.evaluate('document.fonts.ready');
    return await page.screenshot({ type: 'png' });
  } finally {
    await context.close();
  }
}

/** Pictures → a PDF of A4 pages, one picture filling each, with no text layer. */
export async function picturesToPdf(pngs: Buffer[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (const png of pngs) {
    const image = await pdf.embedPng(png);
    const page = pdf.addPage([595.28, 841.89]);
    page.drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  return pdf.save();
}

/** Pages of HTML → a scanned PDF. */
export async function scannedPdf(pages: string[], opts: ScanOptions = {}): Promise<Uint8Array> {
  const browser = await launchForScans();
  try {
    const pngs: Buffer[] = [];
    for (const [i, html] of pages.entries())
      pngs.push(await scanPage(browser, html, { ...opts, seed: (opts.seed ?? 1) + i }));
    return await picturesToPdf(pngs);
  } finally {
    await browser.close();
  }
}
