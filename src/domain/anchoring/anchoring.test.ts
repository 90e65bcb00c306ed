import { describe, expect, it } from 'vitest';
import { searchApproximate } from './approximate-search.ts';
import { describeAnchor } from './describe-anchor.ts';
import { resolveAnchor } from './resolve-anchor.ts';

const TEXT = [
  'Article 1. States should cooperate to increase stability and security in the use of ICTs.',
  'Article 2. States should not knowingly allow their territory to be used for internationally wrongful acts.',
  'Article 3. States should take appropriate measures to protect their critical infrastructure from ICT threats.',
  'Article 4. States should respond to appropriate requests for assistance by another State.',
].join('\n\n');

const anchorOf = (quote: string, text = TEXT) => {
  const start = text.indexOf(quote);
  return describeAnchor({ fileId: 'file000001', text, start, end: start + quote.length });
};

describe('describeAnchor', () => {
  it('keeps the quote with 32 characters of context on each side', () => {
    const a = anchorOf('protect their critical infrastructure');
    expect(a.exact).toBe('protect their critical infrastructure');
    expect(a.prefix).toBe(TEXT.slice(a.start - 32, a.start));
    expect(a.suffix).toBe(TEXT.slice(a.end, a.end + 32));
    expect(TEXT.slice(a.start, a.end)).toBe(a.exact);
  });

  it('shortens context at the edges of the text', () => {
    const a = describeAnchor({ fileId: 'file000001', text: TEXT, start: 0, end: 10 });
    expect(a.prefix).toBe('');
    expect(a.exact).toBe('Article 1.');
  });

  it('rejects offsets outside the text', () => {
    expect(() => describeAnchor({ fileId: 'file000001', text: 'abc', start: 2, end: 9 })).toThrow(RangeError);
    expect(() => describeAnchor({ fileId: 'file000001', text: 'abc', start: 2, end: 2 })).toThrow(RangeError);
  });
});

describe('resolveAnchor', () => {
  it('confirms an unchanged position', () => {
    const a = anchorOf('knowingly allow their territory');
    expect(resolveAnchor(TEXT, a)).toEqual({ start: a.start, end: a.end, method: 'position' });
  });

  it('confirms a position whose whitespace changed', () => {
    const a = anchorOf('knowingly allow their territory');
    const text = TEXT.replace('knowingly allow their', 'knowingly\nallow their');
    expect(resolveAnchor(text, a)?.method).toBe('position');
  });

  it('re-anchors a moved quote by exact search', () => {
    const a = anchorOf('knowingly allow their territory');
    const moved = `Preamble: a new opening paragraph was added here.\n\n${TEXT}`;
    const r = resolveAnchor(moved, a);
    expect(r?.method).toBe('quote');
    expect(moved.slice(r!.start, r!.end)).toBe(a.exact);
  });

  it('re-anchors a quote that moved and was re-wrapped', () => {
    const a = anchorOf('appropriate measures to protect their critical infrastructure');
    const text = `Intro.\n\n${TEXT.replace('measures to protect', 'measures\nto   protect')}`;
    const r = resolveAnchor(text, a);
    expect(r?.method).toBe('quote');
    expect(text.slice(r!.start, r!.end).replace(/\s+/g, ' ')).toBe(a.exact);
  });

  it('picks the repeat whose context matches', () => {
    const text = 'Alpha says: States should cooperate. Beta says: States should cooperate. The end.';
    const quote = 'States should cooperate.';
    const start = text.lastIndexOf(quote);
    const a = describeAnchor({ fileId: 'file000001', text, start, end: start + quote.length });
    const changed = `Gamma says nothing. ${text}`;
    const r = resolveAnchor(changed, a);
    expect(r).toEqual({
      start: changed.lastIndexOf(quote),
      end: changed.lastIndexOf(quote) + quote.length,
      method: 'quote',
    });
  });

  it('re-anchors an edited quote by fuzzy search', () => {
    const a = anchorOf('States should take appropriate measures to protect their critical infrastructure');
    const text = `New preface.\n\n${TEXT.replace('appropriate measures', 'appropriate and proportionate measures')}`;
    // 16 inserted characters in an 80-character quote: within the quarter-of-length bound
    const r = resolveAnchor(text, a);
    expect(r?.method).toBe('fuzzy');
    expect(text.slice(r!.start, r!.end)).toBe(
      'States should take appropriate and proportionate measures to protect their critical infrastructure',
    );
  });

  it('orphans a deleted quote', () => {
    const a = anchorOf('knowingly allow their territory to be used for internationally wrongful acts');
    const text = TEXT.replace(/Article 2\.[^\n]*/, 'Article 2. (deleted)');
    expect(resolveAnchor(text, a)).toBeNull();
  });

  it('orphans a quote rewritten beyond the error bound', () => {
    const a = anchorOf('respond to appropriate requests for assistance');
    const text = TEXT.replace('respond to appropriate requests for assistance', 'answer every plea for help');
    expect(resolveAnchor(text, a)).toBeNull();
  });

  it('orphans a quote whose repeats match about equally well, rather than taking the nearest', () => {
    const para = (n: number) =>
      `${n}. Each State shall name a point of contact for incidents and report them.`;
    const v1 = [1, 2, 3, 4, 5].map(para).join('\n\n');
    const v2 = [1, 2, 4, 5].map(para).join('\n\n');
    const quote = 'name a point of contact for incidents';
    const start = v1.indexOf(quote, v1.indexOf('3. Each'));
    const a = describeAnchor({ fileId: 'file000001', text: v1, start, end: start + quote.length });
    // Paragraph 4 now sits at paragraph 3's old offsets with the same quote: only its context differs.
    expect(v2.slice(a.start, a.end)).toBe(quote);
    expect(resolveAnchor(v2, a)).toBeNull();
    // Kept paragraphs are still found, by their number in the context.
    const five = v1.indexOf(quote, v1.indexOf('5. Each'));
    const b = describeAnchor({ fileId: 'file000001', text: v1, start: five, end: five + quote.length });
    const r = resolveAnchor(v2, b);
    expect(r?.method).toBe('quote');
    expect(v2.slice(v2.lastIndexOf('\n', r!.start) + 1).startsWith('5. ')).toBe(true);
  });

  it('orphans an edited quote whose surroundings changed too (a weak match)', () => {
    const a = anchorOf('States should take appropriate measures to protect their critical infrastructure');
    const text = TEXT.replace(
      /Article 2\.[^\n]*\n\nArticle 3\. States should take appropriate measures to protect their critical infrastructure from ICT threats\./,
      'Annex B lists the sectors in scope.\n\nStates should take appropriate and proportionate measures to protect their critical infrastructure, as listed in Annex B.',
    );
    expect(text).not.toBe(TEXT);
    expect(resolveAnchor(text, a)).toBeNull();
  });

  it('does not attach a short quote to an unrelated occurrence', () => {
    const a = anchorOf('Article 2.');
    const text = TEXT.replace('Article 2.', 'Section two.');
    expect(resolveAnchor(text, a)).toBeNull();
  });
});

describe('searchApproximate', () => {
  it('finds a match with substitutions, insertions and deletions', () => {
    const text = `${'x'.repeat(500)}the quick brwn fox jumpss over the lazy dog${'y'.repeat(500)}`;
    const [m] = searchApproximate(text, 'the quick brown fox jumps over the lazy dog', 4);
    expect(m).toMatchObject({ errors: 2, start: 500 });
    expect(text.slice(m!.start, m!.end)).toBe('the quick brwn fox jumpss over the lazy dog');
  });

  it('finds nothing beyond the error bound', () => {
    expect(searchApproximate('abcdefghijklmnop', 'abXXXXghijklXXXp', 2)).toEqual([]);
  });
});
