/** The demo content every API test run starts from; tests derive their expectations from the same plan. */
export const TEST_SEED = {
  scale: 0.05,
  seed: 'interkommunales-nrw',
  referenceDate: new Date('2026-11-01T00:00:00Z'),
} as const;
