/** Pages of the built site to check in the browser: a few of every page type, found in the build output. */
import fs from 'node:fs';
import path from 'node:path';
import { listFiles } from './global-setup.ts';

/** URL segments that name a sub-page of a section (pagination, a list by type, an archive) rather than an entry. */
const FIXED_SEGMENTS = new Set(['seite', 'typ', 'archiv', 'rechtsprechung', 'eintragen', 'thema', 'regierungsbezirk']);
/** The built 404.html answers every unknown address. */
export const NOT_FOUND_URL = '/gibt-es-nicht/';

interface BuiltPage {
  url: string;
  /** The URL with its entry slugs replaced by `*`: `projekte/*`, `dokumente/typ/*`, `beratung`. */
  type: string;
  bytes: number;
  headingWords: string[];
}

function readPage(dir: string, file: string): BuiltPage {
  const segments = path.relative(dir, path.dirname(file)).split(path.sep).filter(Boolean);
  const html = fs.readFileSync(file, 'utf8');
  const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, ' ') ?? '';
  return {
    url: segments.length ? `/${segments.join('/')}/` : '/',
    type: segments.map((s, i) => (i === 0 || FIXED_SEGMENTS.has(s) ? s : '*')).join('/'),
    bytes: html.length,
    headingWords: heading.split(/[\s/–-]+/).filter(Boolean),
  };
}

function builtPages(dir: string): BuiltPage[] {
  return listFiles(dir)
    .filter((f) => path.basename(f) === 'index.html')
    .map((f) => readPage(dir, f))
    .sort((a, b) => a.url.localeCompare(b.url));
}

const longestWord = (p: BuiltPage) => Math.max(0, ...p.headingWords.map((w) => w.length));

/**
 * Every page type once; of the types with many pages the one with the longest word in its heading, the one with
 * the most content and the one with the least (a Kreis and a Gemeinde, say); and the 404 page.
 */
export function pagesOfEveryType(dir: string): string[] {
  const byType = new Map<string, BuiltPage[]>();
  for (const page of builtPages(dir)) byType.set(page.type, [...(byType.get(page.type) ?? []), page]);
  const urls = new Set<string>();
  for (const pages of byType.values()) {
    urls.add(pages.reduce((a, b) => (longestWord(b) > longestWord(a) ? b : a)).url);
    urls.add(pages.reduce((a, b) => (b.bytes > a.bytes ? b : a)).url);
    urls.add(pages.reduce((a, b) => (b.bytes < a.bytes ? b : a)).url);
  }
  return [...urls, NOT_FOUND_URL];
}

/** A word that the headings of several project pages share, so that a search for it has several results. */
export function commonProjectWord(dir: string): string {
  const counts = new Map<string, number>();
  for (const page of builtPages(dir).filter((p) => p.type === 'projekte/*')) {
    for (const word of new Set(page.headingWords.filter((w) => /^\p{L}{6,}$/u.test(w))))
      counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const [word] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
  if (!word) throw new Error('No project page with a heading found in the build output.');
  return word;
}
