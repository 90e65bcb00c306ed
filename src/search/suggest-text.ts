/**
 * Words, stopwords and shared phrases for suggested target paragraphs. Stems come from the index's own
 * tokenizer (see tokenizeWords in the store), so a word here matches the index exactly as a query would.
 */

/** A word of a text with its index token (Porter stem, case and accents folded) and where it is. */
export type Token = { word: string; stem: string; start: number; end: number; stop: boolean };

/** Letters, digits and private-use characters: the characters unicode61 keeps inside a token. */
const WORD = /[\p{L}\p{N}\p{Co}]+/gu;

/**
 * Function words of the collection's main languages (English, French: the UN working languages the
 * samples and most national texts use). They carry no topic, and idf alone does not remove them from
 * short selections, where every word makes the top of the list.
 */
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each either every few for from further ' +
    'had has have having he her here hers him his how however i if in into is it its itself may might ' +
    'more most must my neither no nor not of off on once only or other our ours out over own same shall ' +
    'she should so some such than that the their theirs them then there these they this those through ' +
    'thus to too under until up upon very was we were what when where whether which while who whom ' +
    'whose why will with within without would yet you your ' +
    'au aux avec ce ces cet cette dans de des du elle elles en est et été être il ils la le les leur ' +
    'leurs lui mais même ne ni nos notre nous ou où par pas pour qu que qui sa sans se ses son sont sur ' +
    'ta te tes ton un une vos votre vous'
  ).split(' '),
);

/** The distinct words of a text, lower case. */
export const words = (text: string): Set<string> =>
  new Set(Array.from(text.matchAll(WORD), (m) => m[0].toLowerCase()));

/** Tokens of a text given the index tokens of each word (a word the tokenizer splits yields several). */
export function tokens(text: string, stemsOf: (word: string) => string[]): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0].toLowerCase();
    const stop = STOPWORDS.has(word);
    for (const stem of stemsOf(word))
      out.push({ word, stem, start: m.index, end: m.index + m[0].length, stop });
  }
  return out;
}

/** Words that can make a suggestion: no function words, single letters or list numbers ("7.", "(2)"). */
export const isContent = (t: Token) => !t.stop && t.stem.length > 1 && !/^\d{1,2}$/.test(t.word);

/** A sentence or clause boundary between two words: a phrase never spans one. */
const BOUNDARY = /[.,;:!?()[\]{}"“”«»—–]/;
/** Most function words allowed between two content words of one phrase ("rule of the law"). */
const MAX_GAP_WORDS = 2;

/**
 * Pairs of neighbouring content words (function words between them skipped, so "rule of law" is the
 * pair rule–law), as `stemA stemB` keys, with the index in `content` of the first word of each pair.
 */
export function contentPairs(text: string, toks: Token[]): { content: Token[]; pairs: (string | null)[] } {
  const content: Token[] = [];
  const pairs: (string | null)[] = [];
  let gap = 0;
  for (const t of toks) {
    if (!isContent(t)) {
      gap++;
      continue;
    }
    const prev = content.at(-1);
    if (prev) {
      const joined = gap <= MAX_GAP_WORDS && !BOUNDARY.test(text.slice(prev.end, t.start));
      pairs.push(joined ? `${prev.stem} ${t.stem}` : null);
    }
    content.push(t);
    gap = 0;
  }
  return { content, pairs };
}

/**
 * The runs of a text's content words whose every neighbouring pair is in `shared`, as written (lower
 * case, white space collapsed): "critical information infrastructure" rather than two overlapping pairs.
 */
export function sharedRuns(text: string, content: Token[], pairs: (string | null)[], shared: Set<string>) {
  const runs: string[] = [];
  let from = -1;
  for (let i = 0; i <= pairs.length; i++) {
    const hit = i < pairs.length && pairs[i] !== null && shared.has(pairs[i]!);
    if (hit && from < 0) from = i;
    if (!hit && from >= 0) {
      runs.push(text.slice(content[from]!.start, content[i]!.end).replace(/\s+/g, ' ').toLowerCase());
      from = -1;
    }
  }
  return [...new Set(runs)];
}
