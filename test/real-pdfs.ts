/**
 * A fixed set of real PDFs with text, nobody here wrote them: the Uwazi fixture's documents and the pdf.js
 * test files whose text `pdftotext` reads (at least 100 non-blank characters; the scans, blank, encrypted and
 * broken ones are left out). Used by the extraction bench (bench/ingest/real-pdfs.ts) and the golden test
 * that extraction speed-ups leave results unchanged (src/ingest/pdf/real-pdfs-golden.test.ts).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Uwazi fixture documents (every PDF the fixture's files collection names). */
export const UWAZI_PDFS = [
  '1610018045902hp096ideo3i.pdf',
  '16116590902796ifv9bxjnvk.pdf',
  '1696528618412uustivo365g.pdf',
  '1696528628407n5zieoppbvs.pdf',
  '1696528636296ltasage85s.pdf',
  '1696528645940jvx0yj1nmfp.pdf',
  '1696528655857yah2eb3ubuc.pdf',
  '1696528667419l50huzjqp2.pdf',
];
/** pdf.js test files where pdftotext finds at least 100 non-blank characters (none of them fails pdftotext). */
export const PDFJS_PDFS = [
  '160F-2019.pdf',
  'ArabicCIDTrueType.pdf',
  'ShowText-ShadingPattern.pdf',
  'ThuluthFeatures.pdf',
  'ZapfDingbats.pdf',
  'alphatrans.pdf',
  'annotation-button-widget.pdf',
  'annotation-choice-widget.pdf',
  'annotation-text-widget.pdf',
  'basicapi.pdf',
  'bigboundingbox.pdf',
  'blendmode.pdf',
  'bug1529502.pdf',
  'bug1669099.pdf',
  'bug1771477.pdf',
  'bug1815476.pdf',
  'bug1868759.pdf',
  'bug1885505.pdf',
  'bug1992868.pdf',
  'bug2009627.pdf',
  'bug2013793.pdf',
  'bug2014080.pdf',
  'bug854315.pdf',
  'bug946506.pdf',
  'comments.pdf',
  'file_pdfjs_test.pdf',
  'issue1002.pdf',
  'issue10900.pdf',
  'issue11656.pdf',
  'issue12823.pdf',
  'issue12963.pdf',
  'issue13211.pdf',
  'issue13242.pdf',
  'issue13916.pdf',
  'issue13931.pdf',
  'issue14847.pdf',
  'issue15012.pdf',
  'issue15096.pdf',
  'issue15340.pdf',
  'issue16063.pdf',
  'issue16316.pdf',
  'issue16500.pdf',
  'issue17492.pdf',
  'issue17730.pdf',
  'issue18911.pdf',
  'issue1905.pdf',
  'issue19971.pdf',
  'issue20232.pdf',
  'issue20504.pdf',
  'issue2074.pdf',
  'issue2948.pdf',
  'issue2956.pdf',
  'issue6127.pdf',
  'issue6132.pdf',
  'issue6605.pdf',
  'issue7403.pdf',
  'issue7426.pdf',
  'issue8702.pdf',
  'issue9972-2.pdf',
  'javauninstall-7r.pdf',
  'knockout_groups_test.pdf',
  'mixedfonts.pdf',
  'multimedia_annotations.pdf',
  'nested_outline.pdf',
  'opt_demo.pdf',
  'pr12828.pdf',
  'prefilled_f1040.pdf',
  'radial_gradients.pdf',
  'rotation.pdf',
  'tracemonkey.pdf',
  'tracemonkey_with_editable_annotations.pdf',
  'xfa_issue14315.pdf',
];

/** ../shared/corpus from the project root or from a git worktree under wt/ (CYBERPORTAL_CORPUS overrides). */
export function corpusDir(): string | null {
  const candidates = [
    process.env.CYBERPORTAL_CORPUS,
    resolve('../shared/corpus'),
    resolve('../../shared/corpus'),
  ];
  return candidates.find((d): d is string => Boolean(d && existsSync(join(d, 'pdfjs-test-pdfs')))) ?? null;
}

export type RealPdf = { name: string; path: string; source: 'uwazi' | 'pdfjs' };

/** The set's files that exist under the corpus folder, Uwazi's first; [] without a corpus. */
export function realPdfs(): RealPdf[] {
  const dir = corpusDir();
  if (!dir) return [];
  return [
    ...UWAZI_PDFS.map((name) => ({
      name,
      path: join(dir, 'uwazi-fixture/uploaded_documents', name),
      source: 'uwazi' as const,
    })),
    ...PDFJS_PDFS.map((name) => ({
      name,
      path: join(dir, 'pdfjs-test-pdfs', name),
      source: 'pdfjs' as const,
    })),
  ].filter((f) => existsSync(f.path));
}
