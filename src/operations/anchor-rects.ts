import { rectsForRange } from '../domain/anchoring/file-text.ts';
import type { Rect } from '../domain/schemas/file.ts';
import type { Store } from '../store/store.ts';

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * The page rectangles of `start..end` in a file, from its stored line geometry: what an anchor keeps so that
 * a client without our line data (an export, another viewer) can still draw it. Empty for files without
 * page geometry (DOCX, HTML, text).
 */
export async function anchorRects(store: Store, fileId: string, start: number, end: number): Promise<Rect[]> {
  const lines = await store.pages.linesOverlapping(fileId, start, end);
  return rectsForRange(lines, start, end).map((r) => ({
    page: r.page,
    x: round(r.x),
    y: round(r.y),
    w: round(r.w),
    h: round(r.h),
  }));
}
