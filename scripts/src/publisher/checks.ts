/** Sanity checks a release must pass before it goes live. */
import fs from 'node:fs';
import path from 'node:path';

export interface ExpectedCounts {
  projects: number;
  documents: number;
  events: number;
  newsletters: number;
  topics: number;
  municipalities: number;
}

const SECTIONS: [keyof ExpectedCounts, string, string[]][] = [
  ['projects', 'projekte', ['seite']],
  ['documents', 'dokumente', ['typ', 'rechtsprechung']],
  ['events', 'veranstaltungen', ['archiv']],
  ['newsletters', 'newsletter', []],
  ['topics', 'themen', []],
  ['municipalities', 'kommunen', []],
];

function pageDirs(dir: string, exclude: string[]): number {
  if (!fs.existsSync(dir)) return 0;
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !exclude.includes(e.name) && fs.existsSync(path.join(dir, e.name, 'index.html'))).length;
}

/**
 * Problems of a built release: missing home, 404, sitemap or search index, and page counts that differ from what the
 * API says is published minus what the build skipped as invalid.
 */
export function checkRelease(dir: string, expected: ExpectedCounts, skipped: Partial<ExpectedCounts> = {}): string[] {
  const problems: string[] = [];
  for (const file of ['index.html', '404.html', 'sitemap-index.xml', 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json']) {
    if (!fs.existsSync(path.join(dir, file))) problems.push(`${file} is missing`);
  }
  for (const [key, folder, exclude] of SECTIONS) {
    const want = expected[key] - (skipped[key] ?? 0);
    const got = pageDirs(path.join(dir, folder), exclude);
    if (got !== want) problems.push(`/${folder}/: ${got} pages, but Strapi has ${want} published ${key}`);
  }
  return problems;
}
