export * from './ast.ts';
export * from './cjk.ts';
export * from './compile.ts';
export * from './facet-tokens.ts';
export * from './parse.ts';
