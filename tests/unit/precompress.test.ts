/** The compressed copies the builder writes once beside static text assets (for gzip_static and the local server). */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir, SEARCH_BUNDLE_ASSETS } from '@ikz/site/builder/precompress';

let dir: string;
const script = `${Array.from({ length: 300 }, (_, i) => `export const wert${i} = "Interkommunale Zusammenarbeit ${i}";`).join('\n')}\n`;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-precompress-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('precompressed copies', () => {
  it('writes .gz and .br copies that decode to the file, for text assets of 1 KB and more, below the folder', () => {
    const root = path.join(dir, 'client');
    fs.mkdirSync(path.join(root, '_astro'), { recursive: true });
    fs.writeFileSync(path.join(root, '_astro', 'suche.js'), script);
    fs.writeFileSync(path.join(root, '_astro', 'seite.css'), `body { color: black; }\n`.repeat(80));
    fs.writeFileSync(path.join(root, 'klein.js'), 'export {};');
    fs.writeFileSync(path.join(root, 'bild.webp'), crypto.randomBytes(4000));
    // Random bytes do not get smaller: no copy that would be larger than the file.
    fs.writeFileSync(path.join(root, 'zufall.json'), crypto.randomBytes(4000));
    expect(precompressDir(root, { recursive: true })).toBe(3);
    for (const file of ['_astro/suche.js', '_astro/seite.css']) {
      const raw = fs.readFileSync(path.join(root, file));
      const gz = fs.readFileSync(path.join(root, `${file}.gz`));
      const br = fs.readFileSync(path.join(root, `${file}.br`));
      expect(zlib.gunzipSync(gz).equals(raw), file).toBe(true);
      expect(zlib.brotliDecompressSync(br).equals(raw), file).toBe(true);
      expect(gz.length).toBeLessThan(raw.length / 3);
    }
    expect(fs.readdirSync(root).sort()).toEqual(['_astro', 'bild.webp', 'klein.js', 'zufall.json']);
    expect(fs.readdirSync(path.join(root, '_astro')).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('compresses only the named files of a search bundle, and not its index, which Pagefind compressed already', () => {
    const bundle = path.join(dir, 'pagefind');
    fs.mkdirSync(path.join(bundle, 'index'), { recursive: true });
    for (const file of ['pagefind.js', 'pagefind-worker.js', 'pagefind-ui.js'])
      fs.writeFileSync(path.join(bundle, file), script);
    fs.writeFileSync(
      path.join(bundle, 'pagefind-entry.json'),
      JSON.stringify({ version: '1.6.0', languages: { de: { hash: 'de_1', page_count: 500 } } }),
    );
    fs.writeFileSync(path.join(bundle, 'index', 'de_1.pf_index'), zlib.gzipSync(script));
    expect(precompressDir(bundle, { only: SEARCH_BUNDLE_ASSETS })).toBe(2);
    expect(fs.readdirSync(bundle).sort()).toEqual([
      'index',
      'pagefind-entry.json',
      'pagefind-ui.js',
      'pagefind-worker.js',
      'pagefind-worker.js.br',
      'pagefind-worker.js.gz',
      'pagefind.js',
      'pagefind.js.br',
      'pagefind.js.gz',
    ]);
    // The same bytes in another bundle (Pagefind writes the same scripts into each) give the same copies.
    const other = path.join(dir, 'pagefind-weitere');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'pagefind.js'), script);
    precompressDir(other, { only: SEARCH_BUNDLE_ASSETS });
    expect(
      fs.readFileSync(path.join(other, 'pagefind.js.gz')).equals(fs.readFileSync(path.join(bundle, 'pagefind.js.gz'))),
    ).toBe(true);
  });
});
