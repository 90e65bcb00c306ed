import { describe, expect, it } from 'vitest';
import { formatZoom, POINT, parseZoom, scaleFor, stepZoom } from './zoom.ts';

describe('viewer zoom', () => {
  const box = { width: 824, height: 624 };

  it('fits the page width, whole pages and landscape pages into the box', () => {
    expect(scaleFor('fit-width', box, 800, 1000)).toBeCloseTo(1);
    expect(scaleFor('fit-page', box, 800, 1200)).toBeCloseTo(0.5);
    // A landscape page is narrower-scaled than a portrait one of the same height, so it still fits.
    expect(scaleFor('fit-width', box, 1600, 800)).toBeCloseTo(0.5);
    expect(scaleFor(1.5, box, 800, 1000)).toBeCloseTo(1.5 * POINT);
  });

  it("uses the whole width on a phone: the viewer's own padding is the only margin", () => {
    // 390 px screen, 4 px padding each side: an A4 page (595 pt) fills the 382 px the viewer has.
    const phone = { width: 382, height: 700 };
    expect(scaleFor('fit-width', phone, 595, 842) * 595).toBeCloseTo(382);
  });

  it('reads ?zoom= from a shared link and writes it back the same way', () => {
    expect(parseZoom('fit-page')).toBe('fit-page');
    expect(parseZoom('150')).toBe(1.5);
    expect(parseZoom(null)).toBe('fit-width');
    expect(parseZoom('9000')).toBe('fit-width');
    expect(parseZoom('abc')).toBe('fit-width');
    expect(formatZoom(parseZoom('125'))).toBe('125');
  });

  it('steps from the scale in use, including from a fit mode', () => {
    expect(stepZoom(1 * POINT, 1)).toBe(1.25);
    expect(stepZoom(1 * POINT, -1)).toBe(0.75);
    expect(stepZoom(1.1 * POINT, 1)).toBe(1.25);
    expect(stepZoom(1.1 * POINT, -1)).toBe(1);
    expect(stepZoom(3 * POINT, 1)).toBe(3);
  });
});
