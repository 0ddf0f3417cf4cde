/**
 * The search index of the live site, kept in a Pagefind process for as long as the builder runs, so that a
 * publish re-indexes only the pages it changed. Pagefind replaces a page added again under the same URL and
 * drops a page added again without content; it always writes a whole index, so the site's index is split
 * into bundles (see the route table) and a publish writes only the bundles whose pages changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

type Index = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

const EMPTY_PAGE = '<!doctype html><html lang="de"><body><main data-pagefind-body></main></body></html>';

export class SearchIndex {
  private index: Index | null = null;
  private readonly pages = new Set<string>();
  /** Adds, removals and writes run one after another, in the order they are asked for (see `serial`). */
  private queue: Promise<unknown> = Promise.resolve();

  get size(): number {
    return this.pages.size;
  }

  get loaded(): boolean {
    return this.index !== null;
  }

  has(url: string): boolean {
    return this.pages.has(url);
  }

  private async open(): Promise<Index> {
    if (this.index) return this.index;
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'de', keepIndexUrl: false, verbose: false });
    if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    this.index = index;
    return index;
  }

  /**
   * Runs `work` after everything asked for before it: an add asked for while a bundle is still being loaded
   * (addAll) reaches Pagefind after the loaded pages, so a page's new version is never replaced by its old one.
   */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  add(url: string, html: string): Promise<void> {
    return this.serial(async () => {
      const result = await (await this.open()).addHTMLFile({ url, content: html });
      if (result.errors.length) throw new Error(`Pagefind could not index ${url}: ${result.errors.join('; ')}`);
      this.pages.add(url);
    });
  }

  /**
   * Adds many pages, up to `window` of them sent to Pagefind's process at a time: it takes them in the order
   * sent (so a later add of the same URL still wins), and works through them while this process goes on.
   */
  addAll(pages: Iterable<readonly [url: string, html: () => string]>, window = 256): Promise<void> {
    return this.serial(() => this.sendAll(pages, window));
  }

  private async sendAll(pages: Iterable<readonly [url: string, html: () => string]>, window: number): Promise<void> {
    const index = await this.open();
    const inFlight = new Set<Promise<void>>();
    const failed: string[] = [];
    for (const [url, html] of pages) {
      const added: Promise<void> = index.addHTMLFile({ url, content: html() }).then(
        (result) => {
          if (result.errors.length) failed.push(`${url}: ${result.errors.join('; ')}`);
          else this.pages.add(url);
          inFlight.delete(added);
        },
        (error: unknown) => {
          failed.push(`${url}: ${String(error)}`);
          inFlight.delete(added);
        },
      );
      inFlight.add(added);
      if (inFlight.size >= window) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (failed.length) throw new Error(`Pagefind could not index ${failed.length} page(s), e.g. ${failed[0]}`);
  }

  remove(url: string): Promise<void> {
    return this.serial(async () => {
      if (!this.pages.has(url)) return;
      await (await this.open()).addHTMLFile({ url, content: EMPTY_PAGE });
      this.pages.delete(url);
    });
  }

  /** Writes the whole index into `outputPath` and checks that it holds exactly the pages added. */
  write(outputPath: string): Promise<void> {
    return this.serial(() => this.writeNow(outputPath));
  }

  private async writeNow(outputPath: string): Promise<void> {
    const written = await (await this.open()).writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    const entry = JSON.parse(fs.readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const count = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    if (count !== this.pages.size)
      throw new Error(`The search index holds ${count} pages, but ${this.pages.size} were added.`);
  }

  /** Forgets everything (after a failed build, or before a full one). */
  async reset(): Promise<void> {
    if (this.index) await this.index.deleteIndex().catch(() => undefined);
    this.index = null;
    this.pages.clear();
  }
}

/**
 * One index per bundle (bundleName), created on first use. Each knows the version of the bundle it was written
 * as (see ReleaseManifest.bundles): a build can add to it only if the release it builds on has that version.
 */
export class SearchBundles {
  private readonly bundleNames = new Map<string, SearchIndex>();
  private readonly versions = new Map<string, string>();

  get(bundleName: string): SearchIndex {
    let index = this.bundleNames.get(bundleName);
    if (!index) this.bundleNames.set(bundleName, (index = new SearchIndex()));
    return index;
  }

  has(bundleName: string): boolean {
    return this.bundleNames.has(bundleName);
  }

  /** The bundle version this bundleName was last written as. */
  version(bundleName: string): string | undefined {
    return this.versions.get(bundleName);
  }

  written(bundleName: string, version: string): void {
    this.versions.set(bundleName, version);
  }

  names(): string[] {
    return [...this.bundleNames.keys()];
  }

  /** Loads a bundleName from a release (its pages' HTML) as the bundle version the release has; false if it was loaded. */
  async load(
    bundleName: string,
    version: string,
    urls: readonly string[],
    read: (url: string) => string,
  ): Promise<boolean> {
    if (this.versions.get(bundleName) === version) return false;
    await this.drop(bundleName);
    await this.get(bundleName).addAll(urls.map((url) => [url, () => read(url)] as const));
    this.written(bundleName, version);
    return true;
  }

  /** Drops a bundleName that no page belongs to any more. */
  async drop(bundleName: string): Promise<void> {
    await this.bundleNames.get(bundleName)?.reset();
    this.bundleNames.delete(bundleName);
    this.versions.delete(bundleName);
  }

  async reset(): Promise<void> {
    for (const index of this.bundleNames.values()) await index.reset();
    this.bundleNames.clear();
    this.versions.clear();
  }
}

/**
 * Stops Pagefind's process, which every index of this process shares: call it once, when the process is
 * done with building (a command-line program before it exits), never while another builder may still run.
 */
export async function stopSearchService(): Promise<void> {
  await pagefind.close();
}
