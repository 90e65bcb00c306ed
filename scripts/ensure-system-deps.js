#!/usr/bin/env node
// Installs what npm cannot: Debian's Chromium (browser tests), poppler-utils (pdftotext, the benchmark's
// yardstick), PostgreSQL (the second engine's tests start a throw-away cluster), Tesseract with the six UN
// languages (OCR), the Noto fonts (Arabic and Chinese in screenshots) and nginx (the scale bench's proxy).
// Runs before `npm test`; does nothing when all are present.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const postgresBinary = () => {
  try {
    return readdirSync('/usr/lib/postgresql').some((v) =>
      existsSync(`/usr/lib/postgresql/${v}/bin/postgres`),
    );
  } catch {
    return false;
  }
};
const tessdata = (lang) =>
  ['/usr/share/tesseract-ocr/5/tessdata', '/usr/share/tesseract-ocr/4.00/tessdata'].some((d) =>
    existsSync(`${d}/${lang}.traineddata`),
  );

const wanted = [
  { present: () => existsSync('/usr/bin/chromium'), pkg: 'chromium' },
  { present: () => existsSync('/usr/bin/pdftotext'), pkg: 'poppler-utils' },
  { present: postgresBinary, pkg: 'postgresql' },
  { present: () => existsSync('/usr/bin/tesseract'), pkg: 'tesseract-ocr' },
  { present: () => tessdata('eng'), pkg: 'tesseract-ocr-eng' },
  { present: () => tessdata('ara'), pkg: 'tesseract-ocr-ara' },
  { present: () => tessdata('chi_sim'), pkg: 'tesseract-ocr-chi-sim' },
  { present: () => tessdata('fra'), pkg: 'tesseract-ocr-fra' },
  { present: () => tessdata('rus'), pkg: 'tesseract-ocr-rus' },
  { present: () => tessdata('spa'), pkg: 'tesseract-ocr-spa' },
  {
    present: () => existsSync('/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf'),
    pkg: 'fonts-noto-core',
  },
  {
    present: () => existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
    pkg: 'fonts-noto-cjk',
  },
  { present: () => existsSync('/usr/sbin/nginx'), pkg: 'nginx' },
];
const missing = wanted.filter((w) => !w.present()).map((w) => w.pkg);
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = isRoot ? [] : ['sudo'];
console.log(`Installing Debian packages the tests need: ${missing.join(', ')}`);
try {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => execFileSync(args[0], args.slice(1), { stdio: 'inherit', env });
  run([...sudo, 'apt-get', 'update', '-qq']);
  run([...sudo, 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing]);
} catch (err) {
  console.error(`Could not install ${missing.join(', ')} with apt-get: ${err.message}`);
  console.error(`Install them by hand (apt-get install ${missing.join(' ')}) and run the tests again.`);
  process.exit(1);
}
