/** One approximate occurrence of a pattern in a text: offsets `[start, end)` and its edit distance. */
export type ApproximateMatch = { start: number; end: number; errors: number };

/** Work limits, so one pathological quote cannot stall a re-anchoring run over a large file. */
export type SearchLimits = {
  /** Candidate regions aligned in full (the ones most seeds agree on). */
  maxCandidates?: number;
  /** A piece with more exact hits than this is too common to place the match, and is not counted. */
  maxHitsPerPiece?: number;
};

/**
 * Finds regions of `text` within `maxErrors` edits (Levenshtein) of `pattern`.
 *
 * Pigeonhole filter, then verify: split the pattern into maxErrors + 1 pieces; a match with at most
 * maxErrors edits contains at least one piece unchanged, so exact `indexOf` hits of the pieces propose
 * start positions. Starts proposed by several pieces are verified first, each with a banded alignment
 * (cost pattern length × band width), never the full pattern × text table.
 */
export function searchApproximate(
  text: string,
  pattern: string,
  maxErrors: number,
  { maxCandidates = 50, maxHitsPerPiece = 2_000 }: SearchLimits = {},
): ApproximateMatch[] {
  const m = pattern.length;
  const k = Math.max(0, Math.floor(maxErrors));
  if (m === 0 || text.length === 0) return [];
  const pieceLength = Math.floor(m / (k + 1));
  if (pieceLength === 0) return [];

  const votes = new Map<number, number>();
  for (let piece = 0; piece <= k; piece++) {
    const offset = piece * pieceLength;
    const needle = pattern.slice(offset, piece === k ? m : offset + pieceLength);
    const hits: number[] = [];
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      hits.push(at);
      if (hits.length > maxHitsPerPiece) break;
    }
    // A piece found everywhere says nothing about where the match is, and the first N hits of it would
    // favour the start of the text: it gets no vote at all. With few edits most other pieces still match.
    if (hits.length > maxHitsPerPiece) continue;
    for (const at of hits) votes.set(at - offset, (votes.get(at - offset) ?? 0) + 1);
  }

  // Nearby starts are one region shifted by insertions or deletions: merge starts within k of a region's
  // first one. Bounding a region's width (rather than chaining neighbours) keeps every alignment band narrow.
  const starts = [...votes.keys()].sort((a, b) => a - b);
  const clusters: { from: number; to: number; votes: number }[] = [];
  for (const s of starts) {
    const last = clusters.at(-1);
    if (last && s - last.from <= k) {
      last.to = s;
      last.votes += votes.get(s) ?? 0;
    } else clusters.push({ from: s, to: s, votes: votes.get(s) ?? 0 });
  }
  clusters.sort((a, b) => b.votes - a.votes || a.from - b.from);

  const found = new Map<string, ApproximateMatch>();
  for (const c of clusters.slice(0, maxCandidates)) {
    const match = alignInBand(text, pattern, c.from, c.to, k);
    if (match && match.errors <= k) found.set(`${match.start}:${match.end}`, match);
  }
  return [...found.values()].sort((a, b) => a.errors - b.errors || a.start - b.start);
}

/**
 * The best alignment of the whole pattern against a substring of `text` that starts near `[from, to]`:
 * a semi-global edit-distance table restricted to diagonals that a path with ≤ k edits can reach.
 */
function alignInBand(text: string, pattern: string, from: number, to: number, k: number) {
  const m = pattern.length;
  const lo = Math.max(0, from - k);
  const hi = Math.min(text.length, to + m + k);
  const width = hi - lo;
  if (width <= 0) return null;
  // Diagonal d = j - i (text column minus pattern row); a path drifts one diagonal per insertion/deletion.
  const dLow = from - lo - k;
  const dHigh = to - lo + k;
  const size = width + 1;
  let prev = new Int32Array(size);
  let cur = new Int32Array(size);
  let prevStart = new Int32Array(size);
  let curStart = new Int32Array(size);
  let prevLow = Math.max(0, dLow);
  let prevHigh = Math.min(width, dHigh);
  if (prevLow > prevHigh) return null;
  for (let j = prevLow; j <= prevHigh; j++) {
    prev[j] = 0; // the match may start anywhere: row 0 costs nothing
    prevStart[j] = j;
  }
  for (let i = 1; i <= m; i++) {
    const low = Math.max(0, i + dLow);
    const high = Math.min(width, i + dHigh);
    if (low > high) return null;
    const p = pattern.charCodeAt(i - 1);
    for (let j = low; j <= high; j++) {
      let best = Number.MAX_SAFE_INTEGER;
      let start = 0;
      if (j - 1 >= prevLow && j - 1 <= prevHigh) {
        best = prev[j - 1]! + (text.charCodeAt(lo + j - 1) === p ? 0 : 1);
        start = prevStart[j - 1]!;
      }
      if (j >= prevLow && j <= prevHigh && prev[j]! + 1 < best) {
        best = prev[j]! + 1; // a pattern character missing from the text
        start = prevStart[j]!;
      }
      if (j - 1 >= low && cur[j - 1]! + 1 < best) {
        best = cur[j - 1]! + 1; // an extra character in the text
        start = curStart[j - 1]!;
      }
      if (best === Number.MAX_SAFE_INTEGER) {
        best = i; // column 0 outside the previous band: i deletions from an empty start
        start = j;
      }
      cur[j] = best;
      curStart[j] = start;
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
    prevLow = low;
    prevHigh = high;
  }
  let best: ApproximateMatch | null = null;
  for (let j = prevLow; j <= prevHigh; j++) {
    const errors = prev[j]!;
    const start = lo + prevStart[j]!;
    const end = lo + j;
    if (end <= start) continue;
    // Fewest edits first; among equals the length closest to the pattern's, so no stray characters.
    if (
      !best ||
      errors < best.errors ||
      (errors === best.errors && Math.abs(end - start - m) < Math.abs(best.end - best.start - m))
    )
      best = { start, end, errors };
  }
  return best;
}

/** Levenshtein distance of two short strings (prefix/suffix context, at most a few dozen characters). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
    }
    prev = cur;
  }
  return prev[b.length]!;
}
