/** The demo collection's reference data: states, organisations, thesauri, templates, relation types, profiles. */
export * from './organisations.ts';
export * from './profiles.ts';
export * from './relation-types.ts';
export * from './reviews.ts';
export * from './states.ts';
export * from './templates.ts';
export * from './thesauri.ts';
export * from './util.ts';
