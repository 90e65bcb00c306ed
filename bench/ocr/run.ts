/**
 * OCR bench: a small labelled set of scans made for it — known text in the six UN languages printed by
 * Chromium (Noto fonts) as A4 pictures at 150 dpi, clean, turned 1.5° (skew), and turned with speckles
 * (noise) — read by the OCR pipeline (pdftoppm → tesseract hOCR → layout) at 300 and 200 dpi in the same
 * run, and once with language detection. Reports pages per second and word accuracy: the share of the
 * label's words recovered in order (longest common subsequence of words; Chinese by character).
 *
 *   npx tsx bench/ocr/run.ts   → Markdown on stdout and in bench/.out/ocr.md
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { ocrPdf } from '../../src/ingest/ocr/ocr-pdf.ts';
import { launchForScans, picturesToPdf, type ScanOptions, scanPage } from '../../test/scanned-pdf.ts';

const TEXTS: Record<string, { lang: string; title: string; body: string; dir?: string }> = {
  en: {
    lang: 'eng',
    title: 'National cyber security strategy',
    body: 'The government will protect critical information infrastructure against ransomware and other attacks. Operators of essential services shall report significant incidents to the national response team within seventy two hours. The ministry will strengthen international cooperation on responsible state behaviour in cyberspace and support capacity building in partner countries.',
  },
  fr: {
    lang: 'fra',
    title: 'Stratégie nationale de cybersécurité',
    body: "Le gouvernement protégera les infrastructures d'information critiques contre les rançongiciels et les autres attaques. Les opérateurs de services essentiels signaleront les incidents importants à l'équipe nationale de réponse dans un délai de soixante-douze heures. Le ministère renforcera la coopération internationale sur le comportement responsable des États dans le cyberespace.",
  },
  es: {
    lang: 'spa',
    title: 'Estrategia nacional de ciberseguridad',
    body: 'El Gobierno protegerá las infraestructuras críticas de información contra el secuestro de datos y otros ataques. Los operadores de servicios esenciales notificarán los incidentes significativos al equipo nacional de respuesta en un plazo de setenta y dos horas. El ministerio reforzará la cooperación internacional sobre el comportamiento responsable de los Estados.',
  },
  ru: {
    lang: 'rus',
    title: 'Национальная стратегия кибербезопасности',
    body: 'Правительство будет защищать критическую информационную инфраструктуру от программ-вымогателей и других атак. Операторы основных услуг сообщают о значительных инцидентах национальной группе реагирования в течение семидесяти двух часов. Министерство укрепит международное сотрудничество в области ответственного поведения государств в киберпространстве.',
  },
  ar: {
    lang: 'ara',
    dir: 'rtl',
    title: 'الاستراتيجية الوطنية للأمن السيبراني',
    body: 'ستعمل الحكومة على حماية البنية التحتية الحيوية للمعلومات من برامج الفدية والهجمات الأخرى. ويبلغ مشغلو الخدمات الأساسية الفريق الوطني للاستجابة بالحوادث الكبيرة خلال اثنتين وسبعين ساعة. وستعزز الوزارة التعاون الدولي بشأن السلوك المسؤول للدول في الفضاء الإلكتروني.',
  },
  zh: {
    lang: 'chi_sim',
    title: '国家网络安全战略',
    body: '政府将保护关键信息基础设施免受勒索软件和其他攻击。基本服务运营者应在七十二小时内向国家应急响应小组报告重大事件。外交部将加强关于国家在网络空间负责任行为的国际合作，并支持伙伴国家的能力建设。',
  },
};
const VARIANTS: Record<string, ScanOptions> = {
  clean: {},
  skew: { skewDeg: 1.5 },
  'skew+noise': { skewDeg: 1.5, noise: 0.002 },
};

const CJK = /[\u3400-\u9fff]/u;
/** Words of a text for scoring: letters and digits only, lower-cased; Chinese one character per word. */
function words(text: string): string[] {
  const out: string[] = [];
  for (const w of text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean))
    if (CJK.test(w)) out.push(...[...w].filter((c) => /[\p{L}\p{N}]/u.test(c)));
    else out.push(w);
  return out;
}
function lcs(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let prev = 0;
    for (let j = 1; j <= b.length; j++) {
      const keep = row[j]!;
      row[j] = x === b[j - 1] ? prev + 1 : Math.max(row[j]!, row[j - 1]!);
      prev = keep;
    }
  }
  return row[b.length]!;
}

type Row = {
  key: string;
  variant: string;
  dpi: number;
  detect: boolean;
  ms: number;
  accuracy: number;
  lang: string;
};

async function main() {
  const browser = await launchForScans();
  const scans: { key: string; variant: string; pdf: Uint8Array; label: string }[] = [];
  try {
    let seed = 1;
    for (const [key, t] of Object.entries(TEXTS))
      for (const [variant, opts] of Object.entries(VARIANTS)) {
        const html = `<div dir="${t.dir ?? 'ltr'}"><h1>${t.title}</h1><p>${t.body}</p></div>`;
        const png = await scanPage(browser, html, { ...opts, seed: seed++ });
        scans.push({ key, variant, pdf: await picturesToPdf([png]), label: `${t.title}\n${t.body}` });
      }
  } finally {
    await browser.close();
  }
  const rows: Row[] = [];
  const runs = [
    { dpi: 300, detect: false },
    { dpi: 200, detect: false },
    { dpi: 300, detect: true },
  ];
  const load0 = loadavg()[0]!;
  for (const run of runs)
    for (const s of scans) {
      const t0 = performance.now();
      const r = await ocrPdf(s.pdf, {
        language: run.detect ? null : TEXTS[s.key]!.lang,
        hint: run.detect ? 'en' : null,
        dpi: run.dpi,
        pageTimeoutMs: 120_000,
      });
      const ms = performance.now() - t0;
      const want = words(s.label);
      const accuracy = lcs(want, words(r.fullText)) / want.length;
      rows.push({ key: s.key, variant: s.variant, ...run, ms, accuracy, lang: r.ocrLanguage });
      process.stderr.write(
        `${s.key} ${s.variant} ${run.dpi}${run.detect ? ' detect' : ''}: ${Math.round(ms)} ms, ${(accuracy * 100).toFixed(1)} % (${r.ocrLanguage})\n`,
      );
    }
  const load1 = loadavg()[0]!;
  const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const out: string[] = [];
  out.push(
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${load0.toFixed(2)} at start, ${load1.toFixed(2)} at end. ${scans.length} one-page A4 scans (6 languages × ${Object.keys(VARIANTS).length} variants), pages read one at a time, tesseract on one thread.`,
    '',
    '| run | pages/s | word accuracy (all) | clean | skew 1.5° | skew + noise |',
    '|---|---|---|---|---|---|',
  );
  for (const run of runs) {
    const rs = rows.filter((r) => r.dpi === run.dpi && r.detect === run.detect);
    const by = (v: string) => pct(mean(rs.filter((r) => r.variant === v).map((r) => r.accuracy)));
    const name = `${run.dpi} dpi, ${run.detect ? 'language detected (document says English)' : 'language given'}`;
    out.push(
      `| ${name} | ${(rs.length / (rs.reduce((a, r) => a + r.ms, 0) / 1000)).toFixed(2)} | ${pct(mean(rs.map((r) => r.accuracy)))} | ${by('clean')} | ${by('skew')} | ${by('skew+noise')} |`,
    );
  }
  out.push(
    '',
    '| language | 300 dpi: clean / skew / skew+noise | 200 dpi: clean / skew / skew+noise | detected as |',
    '|---|---|---|---|',
  );
  for (const key of Object.keys(TEXTS)) {
    const cell = (dpi: number) =>
      Object.keys(VARIANTS)
        .map((v) =>
          pct(rows.find((r) => r.key === key && r.variant === v && r.dpi === dpi && !r.detect)!.accuracy),
        )
        .join(' / ');
    const detected = [...new Set(rows.filter((r) => r.key === key && r.detect).map((r) => r.lang))].join(
      ', ',
    );
    out.push(`| ${key} | ${cell(300)} | ${cell(200)} | ${detected} |`);
  }
  const md = out.join('\n');
  mkdirSync('bench/.out', { recursive: true });
  writeFileSync('bench/.out/ocr.md', `${md}\n`);
  console.log(md);
}

await main();
