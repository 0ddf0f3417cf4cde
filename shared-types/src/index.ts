export * from './base.ts';
export * from './generated.ts';
export * from './content-types.ts';
