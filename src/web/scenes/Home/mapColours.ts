/** Sequential colours for profile completeness, light (empty) to dark (complete); ≥ 4.5:1 legend text on each. */
export const COMPLETENESS_COLOURS = ['#e6ebf1', '#c2d5ea', '#8db1d8', '#4f86c0', '#1d4f8c'] as const;

/** Colour of a state matching the active filter, and of one that does not. */
export const MATCH_COLOUR = '#0f7a6c';
export const NO_MATCH_COLOUR = '#e6ebf1';

/** Bucket (0–4) of a completeness share: none, under 25 %, under 50 %, under 75 %, 75 % and more. */
export function completenessBucket(share: number): number {
  if (share <= 0) return 0;
  if (share < 0.25) return 1;
  if (share < 0.5) return 2;
  if (share < 0.75) return 3;
  return 4;
}
