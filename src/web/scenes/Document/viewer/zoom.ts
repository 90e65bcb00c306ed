/** CSS pixels per PDF point at 100 % (a point is 1/72 inch, a CSS pixel 1/96). */
export const POINT = 96 / 72;

/** How pages are sized: to the viewer's width, whole pages in view, or a fixed zoom (1 = 100 %). */
export type Zoom = 'fit-width' | 'fit-page' | number;

export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;

/** The scale (CSS px per point) of a `width`×`height` page in a `box`, leaving a margin around the page. */
export function scaleFor(zoom: Zoom, box: { width: number; height: number }, width: number, height: number) {
  // A margin around the page on a wide viewer; on a phone every pixel of width is worth more than a border
  // (the viewer's padding already separates pages), so fit-width takes the whole box.
  const margin = box.width < 600 ? 0 : 24;
  if (zoom === 'fit-width') return Math.max(0.2, (box.width - margin) / width);
  if (zoom === 'fit-page')
    return Math.max(0.2, Math.min((box.width - margin) / width, (box.height - margin) / height));
  return zoom * POINT;
}

/** `?zoom=` as written in a shared link: fit-width, fit-page or a percentage. */
export function parseZoom(value: string | null): Zoom {
  if (value === 'fit-page') return 'fit-page';
  const n = Number(value);
  return Number.isFinite(n) && n >= 25 && n <= 400 ? n / 100 : 'fit-width';
}

export const formatZoom = (zoom: Zoom) => (typeof zoom === 'number' ? String(Math.round(zoom * 100)) : zoom);

/** The next zoom step up or down from the scale in use now (fit modes included). */
export function stepZoom(current: number, direction: 1 | -1): number {
  const now = current / POINT;
  const steps =
    direction > 0 ? ZOOM_STEPS.filter((s) => s > now + 0.01) : ZOOM_STEPS.filter((s) => s < now - 0.01);
  return (direction > 0 ? steps[0] : steps[steps.length - 1]) ?? (direction > 0 ? 3 : 0.5);
}
