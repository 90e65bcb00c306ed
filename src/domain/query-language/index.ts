export * from './ast.ts';
export * from './cjk.ts';
export * from './parse.ts';
