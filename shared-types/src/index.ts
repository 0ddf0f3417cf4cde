export * from './base.ts';
export * from './generated.ts';
