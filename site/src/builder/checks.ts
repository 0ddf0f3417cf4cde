/**
 * What a release must hold before it goes live, compared with the content snapshot the build itself read
 * (never with a later count from Strapi, which may already include newer publishes): every URL of the route
 * table for that content, no page beyond them, a sitemap listing exactly the pages, a search index with
 * exactly the searchable pages, and exactly the downloads and images the content uses, each with the
 * extension of an allowed type (the bytes were checked before: see builder/screen.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ALLOWED_FILE_TYPES, extensionOf, typeForExtension } from '@ikz/shared-types/file-types';
import { outputPath, SEARCH_MAIN_BUNDLE, searchBundlePath } from '@ikz/shared-types/routes';
import { decodeFinderFile, FINDER_FILE } from '../lib/finder-data.ts';
import { IMAGE_PREFIX } from '../lib/images.ts';
import { DOWNLOAD_PREFIX } from '../lib/media.ts';
import { sitemapUrls } from '../model/inventory.ts';
import { bundleKinds } from '../model/pages.ts';

const ALLOWED = new Set(ALLOWED_FILE_TYPES.map((t) => t.ext));
/** The formats the build writes images in. */
const IMAGE_OUTPUT = new Set(['webp', 'jpg', 'png']);

// Each check returns the problems found, in English for the operator's log (empty: the release is complete).
// The builder runs them apart: the files while Pagefind may still be writing, the search index once it is written.

/** The pages, the sitemap, downloads and images (checked while Pagefind may still be writing the search index). */
export function checkFiles(
  dir: string,
  urls: readonly string[],
  searchable: Readonly<Record<string, string>>,
  assets: readonly string[],
): string[] {
  const problems: string[] = [];
  // The search bundles hold no pages (and more than half of all files at scale): they are not walked.
  const bundles = new Set(
    [SEARCH_MAIN_BUNDLE, ...Object.values(searchable)].map((bundleName) =>
      searchBundlePath(bundleName).replaceAll('/', ''),
    ),
  );
  const pagesFound = htmlFiles(dir, bundles);
  // The pages the walk found are there; only the other files are looked for one by one (40,000 at scale 10).
  const found = new Set(pagesFound);
  const missing = urls.filter((url) => {
    const file = outputPath(url);
    return !(file.endsWith('.html') && found.has(file)) && !fs.existsSync(path.join(dir, file));
  });
  if (missing.length)
    problems.push(`${missing.length} expected file(s) missing, e.g. ${missing.slice(0, 5).join(', ')}`);

  const expectedPages = new Set(urls.map(outputPath).filter((file) => file.endsWith('.html')));
  const extra = pagesFound.filter((file) => !expectedPages.has(file));
  if (extra.length)
    problems.push(`${extra.length} page(s) that the content does not have, e.g. ${extra.slice(0, 5).join(', ')}`);

  const listed = new Set<string>();
  for (const file of fs.readdirSync(dir).filter((f) => /^sitemap-\d+\.xml$/.test(f))) {
    for (const match of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g))
      listed.add(new URL(match[1]!.replace(/&amp;/g, '&')).pathname);
  }
  const pages = sitemapUrls(urls);
  if (listed.size !== pages.length || pages.some((url) => !listed.has(url)))
    problems.push(`the sitemap lists ${listed.size} pages, the release has ${pages.length}`);

  const wanted = new Set(assets);
  const missingAssets = assets.filter((file) => !fs.existsSync(path.join(dir, file)));
  if (missingAssets.length)
    problems.push(
      `${missingAssets.length} download(s) or image(s) missing, e.g. ${missingAssets.slice(0, 5).join(', ')}`,
    );
  const present = [DOWNLOAD_PREFIX, IMAGE_PREFIX].flatMap((prefix) => {
    const folder = path.join(dir, prefix);
    return fs.existsSync(folder) ? fs.readdirSync(folder).map((name) => `${prefix}${name}`) : [];
  });
  const extraAssets = present.filter((file) => !wanted.has(file));
  if (extraAssets.length)
    problems.push(
      `${extraAssets.length} download(s) or image(s) the content does not use, e.g. ${extraAssets.slice(0, 5).join(', ')}`,
    );
  const foreign = present.filter(
    (file) =>
      !(file.startsWith(IMAGE_PREFIX) ? IMAGE_OUTPUT : ALLOWED).has(typeForExtension(extensionOf(file))?.ext ?? ''),
  );
  if (foreign.length)
    problems.push(
      `${foreign.length} download(s) or image(s) of a type not allowed, e.g. ${foreign.slice(0, 5).join(', ')}`,
    );
  return problems;
}

/** The search bundles: each holds exactly the pages the release has for it. */
export function checkSearch(dir: string, searchable: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];

  const byBundle = new Map<string, number>();
  for (const bundleName of Object.values(searchable)) byBundle.set(bundleName, (byBundle.get(bundleName) ?? 0) + 1);
  for (const [bundleName, expected] of byBundle) {
    const entryFile = path.join(dir, searchBundlePath(bundleName), 'pagefind-entry.json');
    if (!fs.existsSync(entryFile)) {
      problems.push(`the search bundle ${searchBundlePath(bundleName)} is missing`);
      continue;
    }
    const entry = JSON.parse(fs.readFileSync(entryFile, 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const count = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    if (count !== expected)
      problems.push(
        `the search bundle ${searchBundlePath(bundleName)} holds ${count} pages, the release has ${expected} for it`,
      );
  }
  problems.push(...checkFinderFiles(dir, searchable));
  // /suche/ and the project finder load Pagefind's API (and its web worker) from the main bundle.
  for (const file of ['pagefind.js', 'pagefind-worker.js']) {
    if (!fs.existsSync(path.join(dir, searchBundlePath(SEARCH_MAIN_BUNDLE), file)))
      problems.push(`the main search bundle has no ${file}`);
  }
  return problems;
}

/** Each bundle of project pages has the finder's file, listing exactly its pages (such a bundle holds nothing else). */
function checkFinderFiles(dir: string, searchable: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  for (const bundleName of new Set(Object.values(searchable))) {
    if (!bundleKinds(bundleName).includes('project')) continue;
    const pages = Object.values(searchable).filter((b) => b === bundleName).length;
    const file = path.join(dir, searchBundlePath(bundleName), FINDER_FILE);
    try {
      const listed = decodeFinderFile(fs.readFileSync(file, 'utf8')).map((p) => p.url);
      if (
        listed.length !== pages ||
        new Set(listed).size !== listed.length ||
        listed.some((url) => searchable[url] !== bundleName)
      )
        problems.push(
          `the finder file of ${searchBundlePath(bundleName)} lists ${listed.length} projects, the bundle has ${pages}`,
        );
    } catch (error) {
      problems.push(`the finder file of ${searchBundlePath(bundleName)} cannot be read: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** Every HTML file of a release, relative and with forward slashes, leaving out the top-level folders `skip`. */
function htmlFiles(dir: string, skip: ReadonlySet<string>, relative = '', found: string[] = []): string[] {
  for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
    const file = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!skip.has(file)) htmlFiles(dir, skip, file, found);
    } else if (entry.name.endsWith('.html')) found.push(file);
  }
  return found;
}
