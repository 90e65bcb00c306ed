import { useSyncExternalStore } from 'react';

/** Narrow screens (phones): one column, filters behind a button, the compact header. Matches the CSS. */
export const NARROW = '(max-width: 48rem)';

/** Whether a media query matches now, kept current as the window resizes or rotates. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}
