export * from './client.ts';
export * from './query-string.ts';
