import { describe, expect, it } from 'vitest';
import type { SearchParams, SearchResult } from './provider.ts';
import { bitsOf, effectOn, hasBit, type WriteChange } from './write-effects.ts';

const viewer = { canSeeUnpublished: false };
const result = (ids: string[]) =>
  ({
    total: 3,
    items: ids.map((id) => ({ entity: { id } })),
    facets: {},
    nextCursor: null,
    hints: [],
  }) as never as SearchResult;
const entry = (params: Partial<SearchParams> = {}, matched: number[] | null = [1, 2, 3]) => ({
  params: { q: 'cyber', viewer, ...params },
  result: result(['e1']),
  matched: matched && bitsOf(matched),
});
const change = (docid: number, now: boolean, keys = false): WriteChange => ({
  docid,
  entityId: `e${docid}`,
  keys,
  hits: [now],
});

describe('what a write did to a cached answer', () => {
  it('keeps the bits it was given, and only those', () => {
    const bits = bitsOf([0, 9, 1000]);
    expect([0, 9, 1000].map((d) => hasBit(bits, d))).toEqual([1, 1, 1]);
    expect([1, 8, 999, 5000].map((d) => hasBit(bits, d))).toEqual([0, 0, 0, 0]);
  });

  it('is none when no changed entity counted before or matches now', () => {
    expect(effectOn(entry(), [change(7, false, true)], 0)).toBe('none');
    expect(effectOn(entry(), [], 0)).toBe('none');
  });

  it('is the answer when an entity enters or leaves, moves its keys, is on the page, or the order is not relevance', () => {
    expect(effectOn(entry(), [change(7, true)], 0)).toBe('answer');
    expect(effectOn(entry(), [change(2, false)], 0)).toBe('answer');
    expect(effectOn(entry(), [change(2, true, true)], 0)).toBe('answer');
    expect(effectOn(entry(), [change(1, true)], 0)).toBe('answer');
    expect(effectOn(entry({ sort: 'title' }), [change(2, true)], 0)).toBe('answer');
    expect(effectOn(entry({ q: '' }, null), [change(7, false)], 0)).toBe('answer');
  });

  it('is none when such an entity scores clearly below a full first page, the ranking otherwise', () => {
    const page = {
      ...entry({ limit: 1 }),
      result: { ...result(['e1']), items: [{ entity: { id: 'e1' }, score: 10 }] },
    } as never;
    const scored = (score: number): WriteChange => ({ ...change(2, true), scores: [score] });
    expect(effectOn(page, [scored(5)], 0)).toBe('none');
    expect(effectOn(page, [scored(9.95)], 0)).toBe('ranking');
    expect(effectOn(page, [scored(12)], 0)).toBe('ranking');
    const later = { ...(page as object), params: { q: 'cyber', viewer, limit: 1, cursor: 'x' } } as never;
    expect(effectOn(later, [scored(5)], 0)).toBe('ranking');
  });

  it('is the ranking alone when a counted entity off the page still matches with the same keys', () => {
    expect(effectOn(entry(), [change(2, true), change(9, false)], 0)).toBe('ranking');
    expect(effectOn(entry(), [change(2, true), change(9, true)], 0)).toBe('answer');
  });
});
