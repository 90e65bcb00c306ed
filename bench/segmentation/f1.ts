/**
 * Scores for the tagged-PDF segmentation benchmark: paragraph precision / recall / F1 by exact text match,
 * heading F1, paragraphs that cross a page break and came out whole, reading-order errors, and page
 * numbers or running headers leaked into paragraphs.
 */

export interface TruthParagraph {
  text: string;
  isHeading: boolean;
  /** The paragraph runs over a page break (known from the PDF's page texts, not from either pipeline). */
  crossesPage?: boolean;
}

export interface Counts {
  truth: number;
  extracted: number;
  exact: number;
  /** Matches by the same characters in any order: boundaries right, whatever the text layer's order. */
  sameChars: number;
  truthHeadings: number;
  extractedHeadings: number;
  exactHeadings: number;
  crossing: number;
  crossingWhole: number;
  orderErrors: number;
  leakedPageNumbers: number;
  leakedRunning: number;
}

export const emptyCounts = (): Counts => ({
  truth: 0,
  extracted: 0,
  exact: 0,
  sameChars: 0,
  truthHeadings: 0,
  extractedHeadings: 0,
  exactHeadings: 0,
  crossing: 0,
  crossingWhole: 0,
  orderErrors: 0,
  leakedPageNumbers: 0,
  leakedRunning: 0,
});

export function addCounts(a: Counts, b: Counts): Counts {
  const out = { ...a };
  for (const k of Object.keys(b) as Array<keyof Counts>) out[k] += b[k];
  return out;
}

/**
 * Text comparison key. `spaces: 'collapse'` compares with white space collapsed (truth from the DOM);
 * `'ignore'` drops white space entirely (truth from a PDF's own tags, whose item strings do not say where
 * word spaces fall).
 */
export function keyOf(text: string, spaces: 'collapse' | 'ignore'): string {
  const t = text.normalize('NFKC');
  return spaces === 'ignore' ? t.replace(/\s+/g, '') : t.replace(/\s+/g, ' ').trim();
}

/**
 * The characters of a text in any order: Arabic lam-alef ligatures come out of the text layer with their
 * letters swapped, and mirrored-order runs are common in RTL extraction; this key scores the paragraph's
 * boundaries without scoring the text layer's character order.
 */
const charsKey = (text: string) => [...keyOf(text, 'ignore')].sort().join('');

function matches(extracted: string[], truth: string[]): number {
  const wanted = new Map<string, number>();
  for (const t of truth) wanted.set(t, (wanted.get(t) ?? 0) + 1);
  let n = 0;
  for (const e of extracted) {
    const left = wanted.get(e) ?? 0;
    if (left > 0) {
      n += 1;
      wanted.set(e, left - 1);
    }
  }
  return n;
}

const PAGE_NUMBER = /(^|\s)(\d{1,4} \/ \d{1,4}|page \d{1,4} of \d{1,4}|[-–] \d{1,4} [-–])(\s|$)/i;

export function scoreParagraphs(
  extracted: Array<{ text: string; isHeading: boolean }>,
  truth: TruthParagraph[],
  running: string[],
  spaces: 'collapse' | 'ignore',
): Counts & { misses: string[] } {
  const wanted = new Map<string, number[]>();
  truth.forEach((t, i) => {
    const k = keyOf(t.text, spaces);
    wanted.set(k, [...(wanted.get(k) ?? []), i]);
  });
  const c = emptyCounts();
  c.truth = truth.length;
  c.extracted = extracted.length;
  c.truthHeadings = truth.filter((t) => t.isHeading).length;
  c.extractedHeadings = extracted.filter((p) => p.isHeading).length;
  c.crossing = truth.filter((t) => t.crossesPage).length;
  const misses: string[] = [];
  const truthKeys = truth.map((t) => keyOf(t.text, spaces));
  let lastIndex = -1;
  for (const p of extracted) {
    const k = keyOf(p.text, spaces);
    const index = wanted.get(k)?.shift();
    if (index !== undefined) {
      const t = truth[index]!;
      c.exact += 1;
      if (t.isHeading && p.isHeading) c.exactHeadings += 1;
      if (t.crossesPage) c.crossingWhole += 1;
      // An exact paragraph that comes before one it follows in the truth is out of reading order.
      if (index < lastIndex) c.orderErrors += 1;
      lastIndex = Math.max(lastIndex, index);
      continue;
    }
    misses.push(p.text);
    const pn = PAGE_NUMBER.exec(p.text);
    if (/^\d{1,4}$/.test(p.text.trim()) || (pn && !truthKeys.some((t) => t.includes(keyOf(pn[2]!, spaces)))))
      c.leakedPageNumbers += 1;
    if (
      running.some(
        (r) => k.includes(keyOf(r, spaces)) && !truthKeys.some((t) => t.includes(keyOf(r, spaces))),
      )
    )
      c.leakedRunning += 1;
  }
  c.sameChars = matches(
    extracted.map((p) => charsKey(p.text)),
    truth.map((t) => charsKey(t.text)),
  );
  return { ...c, misses };
}

export const f1 = (exact: number, extracted: number, truth: number) => {
  const p = extracted === 0 ? 0 : exact / extracted;
  const r = truth === 0 ? 0 : exact / truth;
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};
