import { type PointerEvent, type RefObject, useCallback, useRef, useState } from 'react';

/** The part of the map in view, in viewBox units; `w / width` is the inverse of the zoom. */
export type View = { x: number; y: number; w: number };

export const MAX_ZOOM = 12;
/** A pointer that moved this far (CSS px) between down and up dragged the map: its click is not a tap. */
const DRAG_SLOP = 6;
/** A shape smaller than this on screen is too small to tap on a touch screen (WCAG 2.5.8). */
export const MIN_TARGET = 24;

/**
 * Zoom and pan of an SVG map by its viewBox: buttons, mouse wheel, one-finger drag and two-finger pinch.
 * The view never leaves the map and never zooms out past the whole of it.
 */
export function useMapZoom(svg: RefObject<SVGSVGElement | null>, width: number, height: number) {
  const whole: View = { x: 0, y: 0, w: width };
  const [view, setView] = useState<View>(whole);
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const moved = useRef(0);

  const clamp = useCallback(
    (v: View): View => {
      const w = Math.min(width, Math.max(width / MAX_ZOOM, v.w));
      const h = (w * height) / width;
      return { w, x: Math.min(width - w, Math.max(0, v.x)), y: Math.min(height - h, Math.max(0, v.y)) };
    },
    [width, height],
  );

  /** Screen point → viewBox point, for the current view. */
  const toMap = useCallback(
    (clientX: number, clientY: number, v: View) => {
      const box = svg.current?.getBoundingClientRect();
      if (!box || box.width === 0) return { x: v.x + v.w / 2, y: v.y + (v.w * height) / width / 2 };
      return {
        x: v.x + ((clientX - box.left) / box.width) * v.w,
        y: v.y + ((clientY - box.top) / box.height) * ((v.w * height) / width),
      };
    },
    [svg, width, height],
  );

  /** Zoom by `factor` (> 1: in) keeping the map point `at` where it is on screen. */
  const zoomAround = useCallback(
    (factor: number, at?: { x: number; y: number }) =>
      setView((v) => {
        const h = (v.w * height) / width;
        const p = at ?? { x: v.x + v.w / 2, y: v.y + h / 2 };
        const w = Math.min(width, Math.max(width / MAX_ZOOM, v.w / factor));
        const k = w / v.w;
        return clamp({ w, x: p.x - (p.x - v.x) * k, y: p.y - (p.y - v.y) * k });
      }),
    [clamp, width, height],
  );

  /** Centre the view on a map point at `zoom` × the whole map. */
  const focusOn = useCallback(
    (cx: number, cy: number, zoom: number) => {
      const w = width / Math.min(MAX_ZOOM, zoom);
      const h = (w * height) / width;
      setView(clamp({ w, x: cx - w / 2, y: cy - h / 2 }));
    },
    [clamp, width, height],
  );

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.current.size === 1) moved.current = 0;
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const last = pointers.current.get(e.pointerId);
    if (!last) return;
    const box = svg.current?.getBoundingClientRect();
    if (!box || box.width === 0) return;
    if (pointers.current.size === 1) {
      const dx = e.clientX - last.x;
      const dy = e.clientY - last.y;
      moved.current += Math.abs(dx) + Math.abs(dy);
      if (moved.current > DRAG_SLOP) {
        if (!svg.current?.hasPointerCapture(e.pointerId)) svg.current?.setPointerCapture(e.pointerId);
        setView((v) => clamp({ w: v.w, x: v.x - (dx / box.width) * v.w, y: v.y - (dy / box.width) * v.w }));
      }
    } else if (pointers.current.size === 2) {
      const other = [...pointers.current.entries()].find(([id]) => id !== e.pointerId)?.[1];
      if (other) {
        const before = Math.hypot(last.x - other.x, last.y - other.y);
        const after = Math.hypot(e.clientX - other.x, e.clientY - other.y);
        moved.current += DRAG_SLOP + 1;
        if (before > 0)
          zoomAround(after / before, toMap((e.clientX + other.x) / 2, (e.clientY + other.y) / 2, view));
      }
    }
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
  };
  const onPointerUp = (e: PointerEvent<SVGSVGElement>) => {
    pointers.current.delete(e.pointerId);
  };
  const onWheel = (e: React.WheelEvent<SVGSVGElement>) => {
    // Only a zoomed map takes the wheel (or a pinch on a touchpad, which comes with ctrlKey): page scroll wins.
    if (!e.ctrlKey && view.w >= width) return;
    zoomAround(e.deltaY < 0 ? 1.25 : 0.8, toMap(e.clientX, e.clientY, view));
  };

  return {
    view,
    zoom: width / view.w,
    isWhole: view.w >= width,
    /** True if the pointer gesture that ends in this click dragged or pinched the map. */
    wasDrag: () => moved.current > DRAG_SLOP,
    zoomIn: () => zoomAround(2),
    zoomOut: () => zoomAround(0.5),
    reset: () => setView(whole),
    focusOn,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp, onWheel },
  };
}
