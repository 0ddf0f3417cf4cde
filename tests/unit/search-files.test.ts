/** Pagefind's files kept unpacked in a written bundle, with Pagefind's gzip bytes beside them (search-files.ts). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '@ikz/scripts/lib/static-server';
import { isPagefindBinary, PAGEFIND_SIGNATURE, unpackSearchFiles } from '@ikz/site/builder/search-files';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-search-files-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const pagefindFile = (text: string) => Buffer.from(`${PAGEFIND_SIGNATURE}${text}`);

/** A bundle as Pagefind writes it: gzip-compressed index files and WebAssembly, scripts as text. */
function writeBundle(bundle: string, files: Record<string, Buffer | string>): void {
  for (const [name, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(bundle, name)), { recursive: true });
    fs.writeFileSync(path.join(bundle, name), body);
  }
}

const read = (bundle: string, name: string) => fs.readFileSync(path.join(bundle, name));
const inode = (bundle: string, name: string) => fs.statSync(path.join(bundle, name)).ino;

describe('unpacked search files', () => {
  it("keeps Pagefind's files unpacked with its gzip bytes beside them, and leaves everything else alone", () => {
    const bundle = path.join(dir, 'neu', 'pagefind');
    const fragment = zlib.gzipSync(pagefindFile('{"url":"/projekte/bauhof/"}'));
    const wasm = zlib.gzipSync(pagefindFile('\u0000asm'));
    const foreign = zlib.gzipSync(Buffer.from('kein Pagefind'));
    writeBundle(bundle, {
      'fragment/de_1.pf_fragment': fragment,
      'index/de_2.pf_index': zlib.gzipSync(pagefindFile('index')),
      'filter/de_3.pf_filter': zlib.gzipSync(pagefindFile('filter')),
      'pagefind.de_4.pf_meta': zlib.gzipSync(pagefindFile('meta')),
      'wasm.de.pagefind': wasm,
      'pagefind.js': 'export {};',
      'pagefind-entry.json': '{}',
      // Unpacked already, and a gzip that is not Pagefind's format.
      'index/de_5.pf_index': pagefindFile('schon entpackt'),
      'index/de_6.pf_index': foreign,
    });
    expect(unpackSearchFiles(bundle)).toBe(5);
    expect(read(bundle, 'fragment/de_1.pf_fragment').toString()).toBe(
      `${PAGEFIND_SIGNATURE}{"url":"/projekte/bauhof/"}`,
    );
    expect(read(bundle, 'fragment/de_1.pf_fragment.gz').equals(fragment)).toBe(true);
    expect(read(bundle, 'wasm.de.pagefind.gz').equals(wasm)).toBe(true);
    expect(read(bundle, 'pagefind.de_4.pf_meta').toString()).toBe(`${PAGEFIND_SIGNATURE}meta`);
    expect(read(bundle, 'index/de_5.pf_index').toString()).toBe(`${PAGEFIND_SIGNATURE}schon entpackt`);
    expect(read(bundle, 'index/de_6.pf_index').equals(foreign)).toBe(true);
    for (const name of ['index/de_5.pf_index.gz', 'index/de_6.pf_index.gz', 'pagefind.js.gz'])
      expect(fs.existsSync(path.join(bundle, name)), name).toBe(false);
    expect(fs.readdirSync(path.join(bundle, 'index')).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('is served as the gzip copy by the local web server', async () => {
    const root = path.join(dir, 'served');
    const bundle = path.join(root, 'pagefind');
    const raw = pagefindFile('Bauhof '.repeat(500));
    const fragment = zlib.gzipSync(raw);
    writeBundle(bundle, { 'fragment/de_1.pf_fragment': fragment });
    // Pagefind wrote it a while ago (at a time with a fraction of a millisecond, as file systems keep it);
    // unpacking is now.
    const then = Date.now() / 1000 - 60.0004567;
    fs.utimesSync(path.join(bundle, 'fragment/de_1.pf_fragment'), then, then);
    unpackSearchFiles(bundle);
    const [file, copy] = ['', '.gz'].map((ext) => fs.statSync(path.join(bundle, `fragment/de_1.pf_fragment${ext}`)));
    expect(copy!.mtimeMs).toBeGreaterThanOrEqual(file!.mtimeMs);
    const web = await serveStatic(root);
    try {
      const zipped = await fetch(`${web.url}/pagefind/fragment/de_1.pf_fragment`, {
        headers: { 'Accept-Encoding': 'gzip, br' },
      });
      expect(zipped.headers.get('content-encoding')).toBe('gzip');
      // fetch inflates: what Pagefind's browser code gets is the unpacked file.
      expect(Buffer.from(await zipped.arrayBuffer()).equals(raw)).toBe(true);
    } finally {
      await web.close();
    }
  });

  it('leaves the files that have their gzip copy beside them (taken from the base release) as they are', () => {
    const bundle = path.join(dir, 'neu2', 'pagefind');
    const seeded = pagefindFile('vom Basis-Release');
    const written = zlib.gzipSync(pagefindFile('neu'));
    writeBundle(bundle, {
      'fragment/de_1.pf_fragment': seeded,
      'fragment/de_1.pf_fragment.gz': zlib.gzipSync(seeded),
      'fragment/de_2.pf_fragment': written,
    });
    const before = inode(bundle, 'fragment/de_1.pf_fragment');
    expect(unpackSearchFiles(bundle)).toBe(1);
    expect(inode(bundle, 'fragment/de_1.pf_fragment')).toBe(before);
    expect(read(bundle, 'fragment/de_2.pf_fragment').toString()).toBe(`${PAGEFIND_SIGNATURE}neu`);
    expect(read(bundle, 'fragment/de_2.pf_fragment.gz').equals(written)).toBe(true);
  });

  it("names Pagefind's gzip-compressed files and nothing else", () => {
    expect(
      [
        'de_1.pf_fragment',
        'de_1.pf_index',
        'de_1.pf_filter',
        'pagefind.de_1.pf_meta',
        'wasm.de.pagefind',
        'wasm.unknown.pagefind',
      ].map(isPagefindBinary),
    ).toEqual([true, true, true, true, true, true]);
    expect(
      ['pagefind.js', 'pagefind-entry.json', 'de_1.pf_fragment.gz', 'wasm.de.pagefind.gz'].map(isPagefindBinary),
    ).toEqual([false, false, false, false]);
  });
});
