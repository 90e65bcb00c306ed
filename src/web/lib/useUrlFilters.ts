import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type Filters, readFilters } from './filters.ts';

/** Filter state kept in the URL (shareable, back-button friendly), with a setter per parameter. */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const filters: Filters = useMemo(() => readFilters(params), [params]);
  /** Sets (or clears, with '') URL parameters; replaces the history entry so typing does not flood it. */
  const setParam = useCallback(
    (changes: Record<string, string>, { push = false }: { push?: boolean } = {}) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          return next;
        },
        { replace: !push },
      );
    },
    [setParams],
  );
  const clear = useCallback(
    (keep: string[] = []) =>
      setParams((prev) => {
        const next = new URLSearchParams();
        for (const k of keep) {
          const v = prev.get(k);
          if (v) next.set(k, v);
        }
        return next;
      }),
    [setParams],
  );
  return { filters, params, setParam, clear };
}
