export * from './analyse.ts';
export * from './arabic.ts';
export * from './fold.ts';
export * from './language-facet.ts';
export * from './mark.ts';
export * from './query.ts';
