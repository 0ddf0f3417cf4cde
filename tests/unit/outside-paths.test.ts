import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCheckedSource, outsideReferences } from '@ikz/scripts/lib/outside-paths';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
// Built from parts, so that this file does not contain what it looks for.
const UP = '.' + '.';
const SIBLING = `${UP}/${'shared'}`;

describe('the repository refers to no path outside itself', () => {
  it('in any tracked source file, the README and CI included', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' })
      .split('\0')
      .filter(Boolean)
      .filter(isCheckedSource);
    expect(files).toContain('README.md');
    expect(files).toContain('.ci/run');
    expect(files).toContain('cms/src/bootstrap/municipalities.ts');
    const found = files.flatMap((file) => outsideReferences(file, fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')));
    expect(found).toEqual([]);
  });
});

describe('outsideReferences', () => {
  it('finds the folder beside the clone however it is spelt', () => {
    expect(outsideReferences('README.md', `read from \`${SIBLING}/data\` beside the clone`)).toMatchObject([
      { line: 1, why: expect.stringMatching(/outside the repository/) },
    ]);
    expect(outsideReferences('cms/src/lib/x.ts', `/** data (${SIBLING}/data) */`)).toMatchObject([
      { why: expect.stringMatching(/beside the clone/) },
    ]);
    expect(
      outsideReferences('cms/src/bootstrap/x.ts', `path.join(process.cwd(), '${UP}', '${UP}', 'shared', 'data')`),
    ).toMatchObject([{ why: expect.stringMatching(/'shared' beside the clone/) }]);
    expect(
      outsideReferences('scripts/src/lib/x.ts', `path.resolve(REPO_ROOT, "${UP}", "shared", "data")`),
    ).toHaveLength(1);
    expect(outsideReferences('.ci/run', `cp -r /work/${'shared'}/data .`)).toMatchObject([
      { why: expect.stringMatching(/absolute path/) },
    ]);
  });

  it('finds relative paths and path segments that climb above the repository root', () => {
    expect(outsideReferences('site/src/lib/x.ts', `const dir = '${UP}/${UP}/${UP}/${UP}/data';`)).toHaveLength(1);
    expect(
      outsideReferences('site/src/lib/x.ts', `path.resolve(here, '${UP}', '${UP}', '${UP}', '${UP}', 'elsewhere')`),
    ).toMatchObject([{ why: expect.stringMatching(/4 '\.\.' segments/) }]);
    expect(outsideReferences('tsconfig.json', `{ "extends": "${UP}/tsconfig.json" }`)).toHaveLength(1);
  });

  it('names the line', () => {
    expect(outsideReferences('a/b.ts', `ok\nok\nconst x = '${SIBLING}';`)).toMatchObject([
      { file: 'a/b.ts', line: 3, text: `const x = '${SIBLING}';` },
    ]);
  });

  it('leaves paths inside the repository alone', () => {
    const inside = [
      `import { x } from '${UP}/lib/x.ts';`,
      `export const REPO_ROOT = path.resolve(here, '${UP}', '${UP}', '${UP}');`,
      `const all = [...list, ...more];`,
      `{ "extends": "${UP}/${UP}/tsconfig.base.json" }`,
      'the data lives in `shared-types/reference-data/`',
      `cd "$(dirname "$0")/${UP}"`,
    ];
    for (const line of inside) expect(outsideReferences('scripts/src/lib/x.ts', line)).toEqual([]);
  });

  it('reads source files by their extension, and everything in .ci/', () => {
    expect(
      ['a.ts', 'b.astro', 'c.mjs', 'd.json', 'e.sh', 'README.md', '.ci/run', 'f.cjs', 'g.js'].every(isCheckedSource),
    ).toBe(true);
    expect(['a.png', 'pnpm-lock.yaml', 'shared-types/reference-data/nrw.topojson'].some(isCheckedSource)).toBe(false);
  });
});
