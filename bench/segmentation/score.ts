/** Scoring for the segmentation benchmark: exact paragraphs and leaked running lines. */
import type { Extraction } from '../../src/ingest/extract-document.ts';

export interface Truth {
  text: string;
  isHeading: boolean;
}

export interface Score {
  truth: number;
  extracted: number;
  exact: number;
  headingsAgree: number;
  leakedPageNumbers: number;
  leakedHeaders: number;
  misses: string[];
}

/** A page-number line glued into a paragraph: "3 / 12", "Page 3 of 12", "- 3 -". */
const PAGE_NUMBER_IN_TEXT = /(^|\s)(\d{1,4} \/ \d{1,4}|page \d{1,4} of \d{1,4}|[-–] \d{1,4} [-–])(\s|$)/i;
const BARE_NUMBER = /^\d{1,4}$/;

/** Compare as text: white space collapsed (the truth comes from several generators). */
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

export function score(ex: Extraction, truth: Truth[], runningTexts: string[]): Score {
  const wanted = new Map<string, Truth[]>();
  for (const t of truth) {
    const k = norm(t.text);
    wanted.set(k, [...(wanted.get(k) ?? []), t]);
  }
  let exact = 0;
  let headingsAgree = 0;
  let leakedPageNumbers = 0;
  let leakedHeaders = 0;
  const misses: string[] = [];
  const truthText = truth.map((t) => norm(t.text));
  for (const p of ex.paragraphs) {
    const k = norm(p.text);
    const match = wanted.get(k)?.shift();
    if (match) {
      exact += 1;
      if (match.isHeading === p.isHeading) headingsAgree += 1;
      continue;
    }
    misses.push(p.text);
    const pn = PAGE_NUMBER_IN_TEXT.exec(k);
    if (BARE_NUMBER.test(k) || (pn && !truthText.some((t) => t.includes(pn[2]!)))) leakedPageNumbers += 1;
    if (runningTexts.some((h) => h && k.includes(norm(h)) && !truthText.some((t) => t.includes(norm(h)))))
      leakedHeaders += 1;
  }
  return {
    truth: truth.length,
    extracted: ex.paragraphs.length,
    exact,
    headingsAgree,
    leakedPageNumbers,
    leakedHeaders,
    misses,
  };
}
