import { useCallback, useRef, useState } from 'react';

/**
 * Which results are ticked: a click toggles one, a shift-click sets every result between the last clicked one
 * and this one to the state of this one (as in a mail client), "select all" takes every id of the search.
 */
export function useSelection() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<number | null>(null);
  const toggle = useCallback((ordered: string[], index: number, shift: boolean) => {
    // The range is read now: the updater runs later, after the anchor has moved to this click.
    const from = shift && anchor.current !== null ? Math.min(anchor.current, index) : index;
    const to = shift && anchor.current !== null ? Math.max(anchor.current, index) : index;
    setSelected((prev) => {
      const next = new Set(prev);
      const id = ordered[index]!;
      const on = !prev.has(id);
      for (let i = from; i <= to; i++) {
        const x = ordered[i];
        if (!x) continue;
        if (on) next.add(x);
        else next.delete(x);
      }
      return next;
    });
    anchor.current = index;
  }, []);
  const setAll = useCallback((ids: string[]) => setSelected(new Set(ids)), []);
  const clear = useCallback(() => {
    setSelected(new Set());
    anchor.current = null;
  }, []);
  return { selected, toggle, setAll, clear };
}
