/**
 * A bundle written again from the base release's hashed files (search-reuse.ts), with the real Pagefind: it
 * writes only what is new, and after pruning the bundle holds exactly what a write into an empty folder holds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { encode } from 'cborg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchIndex } from '@ikz/site/builder/search-index';
import { PAGEFIND_SIGNATURE, unpackSearchFiles } from '@ikz/site/builder/search-files';
import { pruneSearchFiles, referencedSearchFiles, seedSearchFiles } from '@ikz/site/builder/search-reuse';

let dir: string;
const index = new SearchIndex();
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-search-reuse-'));
});
afterAll(async () => {
  await index.reset();
  fs.rmSync(dir, { recursive: true, force: true });
});

const page = (title: string, text: string, kreis: string) =>
  `<!doctype html><html lang="de"><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p>` +
  `<span hidden data-pagefind-filter="Kreis">${kreis}</span></main></body></html>`;

/** Every file of a folder (relative) with its bytes. */
function tree(root: string): Map<string, Buffer> {
  return new Map(
    fs
      .readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(root, file), fs.readFileSync(file)] as const;
      }),
  );
}

/** A written bundle as a release keeps it: Pagefind's files unpacked, its gzip bytes beside them. */
async function writeFresh(to: string): Promise<void> {
  await index.write(to);
  unpackSearchFiles(to);
}

const fragments = (bundle: string) => fs.readdirSync(path.join(bundle, 'fragment')).filter((f) => !f.endsWith('.gz'));
const inode = (file: string) => fs.statSync(file).ino;

describe('a search bundle written again from the base release', () => {
  it('lets Pagefind write only what changed, and holds what a write into an empty folder holds', async () => {
    for (let i = 1; i <= 40; i += 1)
      await index.add(`/projekte/p-${i}/`, page(`Projekt ${i}`, `Bauhof Nummer ${i} Abwasser`, `Kreis ${i % 3}`));
    const base = path.join(dir, 'basis');
    await writeFresh(base);
    const baseFiles = tree(base);

    // A publish: one project changed, one left, one new.
    await index.add('/projekte/p-7/', page('Projekt 7', 'Gemeinsamer Bauhof mit Feuerwehr', 'Kreis 1'));
    await index.remove('/projekte/p-9/');
    await index.add('/projekte/p-41/', page('Projekt 41', 'Standesamt', 'Kreis 2'));
    const bundle = path.join(dir, 'neu');
    const seeded = seedSearchFiles(base, bundle);
    expect(seeded).toBeGreaterThan(80); // 40 fragments, index and filter chunks, the meta file, each with its copy
    await index.write(bundle);
    // Pagefind left the base's files in place (the same inode: not written again) …
    const inBase = fragments(bundle).filter((f) => fs.existsSync(path.join(base, 'fragment', f)));
    expect(inBase).toHaveLength(40);
    for (const f of inBase) expect(inode(path.join(bundle, 'fragment', f))).toBe(inode(path.join(base, 'fragment', f)));
    expect(pruneSearchFiles(bundle)).toBeGreaterThan(0);
    unpackSearchFiles(bundle);
    // … and wrote the new fragments; the pruned bundle names 40 pages (38 kept, one changed, one new).
    expect(fragments(bundle)).toHaveLength(40);
    expect(fragments(bundle).filter((f) => fs.existsSync(path.join(base, 'fragment', f)))).toHaveLength(38);

    const fresh = path.join(dir, 'frisch');
    await writeFresh(fresh);
    const [reused, written] = [tree(bundle), tree(fresh)];
    // Pagefind's own scripts, entry and WebAssembly are rewritten each time; everything hashed must be equal.
    expect([...reused.keys()].sort()).toEqual([...written.keys()].sort());
    for (const [file, bytes] of written) {
      // gzip copies of a file Pagefind just wrote may differ in their header; the unpacked bytes may not.
      if (file.endsWith('.gz')) continue;
      expect(reused.get(file)!.equals(bytes), file).toBe(true);
    }
    // The base release (live) is untouched.
    expect(tree(base)).toEqual(baseFiles);
  });

  it('names exactly the files of the meta file, and refuses a bundle that lacks one of them', async () => {
    const bundle = path.join(dir, 'frisch');
    const named = referencedSearchFiles(bundle);
    const onDisk = [...tree(bundle).keys()].filter((f) => /\.pf_(fragment|index|filter|meta)$/.test(f));
    expect([...named].sort()).toEqual(onDisk.sort());

    const broken = path.join(dir, 'kaputt');
    fs.cpSync(bundle, broken, { recursive: true });
    const gone = [...named].find((f) => f.startsWith('fragment/'))!;
    fs.rmSync(path.join(broken, gone));
    expect(() => pruneSearchFiles(broken)).toThrow(/lacks 1 file\(s\) its index names/);
  });

  it('refuses a meta file of another format instead of removing what it does not understand', () => {
    const bundle = path.join(dir, 'fremd');
    fs.mkdirSync(path.join(bundle, 'fragment'), { recursive: true });
    fs.writeFileSync(path.join(bundle, 'fragment', 'de_1.pf_fragment'), 'x');
    fs.writeFileSync(path.join(bundle, 'pagefind-entry.json'), JSON.stringify({ languages: { de: { hash: 'de_2' } } }));
    const meta = (value: unknown) =>
      fs.writeFileSync(
        path.join(bundle, 'pagefind.de_2.pf_meta'),
        zlib.gzipSync(Buffer.concat([Buffer.from(PAGEFIND_SIGNATURE), encode(value)])),
      );
    for (const value of [{ pages: [] }, ['1.6.0', [['../../etc', 1]], [], [], []], ['1.6.0', 'x', [], [], []]]) {
      meta(value);
      expect(() => pruneSearchFiles(bundle)).toThrow(/Pagefind meta file/);
    }
    fs.writeFileSync(path.join(bundle, 'pagefind.de_2.pf_meta'), 'kein Pagefind');
    expect(() => pruneSearchFiles(bundle)).toThrow(/not a Pagefind file/);
    expect(fs.existsSync(path.join(bundle, 'fragment', 'de_1.pf_fragment'))).toBe(true);
  });
});
