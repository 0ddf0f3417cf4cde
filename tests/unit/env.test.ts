import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV, readEnv } from '@ikz/shared-types/env';
import { PROJECTS_PER_BUNDLE } from '@ikz/shared-types/routes';

describe('environment variables', () => {
  it('are documented in the README exactly as the contract lists them', () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf('## Configuration'),
      readme.indexOf('\n## ', readme.indexOf('## Configuration') + 5),
    );
    const documented = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(ENV).sort());
  });

  it('have defaults, and turn text into typed values', () => {
    expect(readEnv(['PORT', 'SITE_URL', 'IKZ_SEED', 'IKZ_STRICT_CONTENT', 'IKZ_KEEP_RELEASES'], {})).toEqual({
      PORT: 1337,
      SITE_URL: 'http://localhost:4321',
      IKZ_SEED: true,
      IKZ_STRICT_CONTENT: false,
      IKZ_KEEP_RELEASES: 5,
    });
    expect(
      readEnv(['SITE_URL', 'IKZ_SEED', 'IKZ_FULL_BUILD_AT'], {
        SITE_URL: 'https://www.example.org/',
        IKZ_SEED: '0',
        IKZ_FULL_BUILD_AT: 'off',
      }),
    ).toEqual({ SITE_URL: 'https://www.example.org', IKZ_SEED: false, IKZ_FULL_BUILD_AT: 'off' });
    expect(readEnv(['IKZ_PROJECTS_PER_BUNDLE'], {})).toEqual({ IKZ_PROJECTS_PER_BUNDLE: PROJECTS_PER_BUNDLE });
    expect(readEnv(['IKZ_PROJECTS_PER_BUNDLE'], { IKZ_PROJECTS_PER_BUNDLE: '500' })).toEqual({
      IKZ_PROJECTS_PER_BUNDLE: 500,
    });
    for (const bad of ['0', '-3', '2.5', 'viele'])
      expect(() => readEnv(['IKZ_PROJECTS_PER_BUNDLE'], { IKZ_PROJECTS_PER_BUNDLE: bad }), bad).toThrow(
        /IKZ_PROJECTS_PER_BUNDLE/,
      );
  });

  it('say what is wrong with every bad value at once', () => {
    expect(() =>
      readEnv(['PORT', 'SITE_URL', 'PUBLISHER_WEBHOOK_SECRET', 'IKZ_FULL_BUILD_AT'], {
        PORT: 'abc',
        SITE_URL: 'ftp://x.example',
        PUBLISHER_WEBHOOK_SECRET: 'kurz',
        IKZ_FULL_BUILD_AT: '25:00',
      }),
    ).toThrow(
      /PORT:[\s\S]*SITE_URL: must be an http\(s\) URL[\s\S]*PUBLISHER_WEBHOOK_SECRET: must be at least 24 characters long[\s\S]*IKZ_FULL_BUILD_AT: must be HH:MM or off/,
    );
  });
});
