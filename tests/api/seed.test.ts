import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { runSeed } from '@ikz/scripts/seed';
import { seededPlan } from './helpers.ts';
import { TEST_SEED } from './seed-options.ts';

describe('seed', () => {
  it('adds nothing on a second run', async () => {
    const plan = await seededPlan();
    const result = await runSeed({
      url: inject('strapiUrl'),
      token: inject('seedToken'),
      ...TEST_SEED,
      concurrency: 4,
      quiet: true,
    });
    expect(result.created).toEqual({ topics: 0, documents: 0, projects: 0, events: 0, newsletters: 0 });
    expect(result.skipped).toBe(
      plan.topics.length + plan.documents.length + plan.projects.length + plan.events.length + plan.newsletters.length,
    );
  });
});
