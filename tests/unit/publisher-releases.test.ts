import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  activate,
  claimRelease,
  currentDir,
  currentRelease,
  emptyTrash,
  listReleases,
  readManifest,
  recycleCandidate,
  retire,
  releaseId,
  releases,
  rollback,
  writeManifest,
} from '@ikz/scripts/publisher/releases';
import { linkTree, removeFile, replaceFile, replaceWithLink } from '@ikz/site/builder/files';
import { renderStatusPage } from '@ikz/scripts/publisher/status-page';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-releases-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function makeRelease(id: string, pages: Record<string, number> = {}) {
  const dir = path.join(root, 'releases', id);
  for (const file of [
    'index.html',
    '404.html',
    'sitemap-index.xml',
    'pagefind/pagefind.js',
    'pagefind/pagefind-entry.json',
  ]) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), id);
  }
  for (const [folder, n] of Object.entries(pages)) {
    for (let i = 0; i < n; i += 1) {
      fs.mkdirSync(path.join(dir, folder, `p${i}`), { recursive: true });
      fs.writeFileSync(path.join(dir, folder, `p${i}`, 'index.html'), 'x');
    }
  }
  return dir;
}

describe('releases', () => {
  it('switches the current link atomically and rolls back', () => {
    const r = releases(root);
    expect(currentRelease(r)).toBeNull();
    makeRelease('a');
    makeRelease('b');
    activate(r, 'a');
    expect(currentRelease(r)).toBe('a');
    activate(r, 'b');
    expect(currentRelease(r)).toBe('b');
    expect(fs.readFileSync(path.join(currentDir(r), 'index.html'), 'utf8')).toBe('b');
    expect(rollback(r)).toBe('a');
    expect(currentRelease(r)).toBe('a');
    expect(() => rollback(r)).toThrow(/no earlier release/);
  });

  it('refuses to switch to an incomplete release', () => {
    const r = releases(root);
    fs.mkdirSync(path.join(root, 'releases', 'half'), { recursive: true });
    expect(() => activate(r, 'half')).toThrow(/incomplete/);
  });

  it('keeps the newest releases and never deletes the live one', async () => {
    const r = releases(root);
    for (const id of ['1', '2', '3', '4', '5']) makeRelease(id);
    activate(r, '1');
    expect(retire(r, 2)).toEqual(['2', '3']);
    await emptyTrash(r).done;
    expect(listReleases(r)).toEqual(['1', '4', '5']);
    expect(fs.readdirSync(r.trashDir)).toEqual([]);
  });

  it('takes a release out of the list at once and removes it in another process, also after a crash', async () => {
    const r = releases(root);
    for (const id of ['1', '2', '3']) makeRelease(id, { projekte: 50 });
    activate(r, '3');
    expect(retire(r, 1)).toEqual(['1', '2']);
    const removing = emptyTrash(r);
    // Renamed into the trash at once: listed no more, while rm is still at work.
    expect(listReleases(r)).toEqual(['3']);
    await removing.done;
    expect(fs.readdirSync(r.trashDir)).toEqual([]);

    // A publisher killed while rm ran leaves the trash; the next one empties it.
    fs.mkdirSync(path.join(r.trashDir, 'left-over', 'projekte'), { recursive: true });
    fs.writeFileSync(path.join(r.trashDir, 'left-over', 'projekte', 'index.html'), 'x');
    await emptyTrash(r).done;
    expect(fs.readdirSync(r.trashDir)).toEqual([]);
    expect(fs.readFileSync(path.join(currentDir(r), 'index.html'), 'utf8')).toBe('3');
  });

  it('stops removing when asked (a build starts) and leaves the rest in the trash for the next removal', async () => {
    const r = releases(root);
    for (const id of ['1', '2']) makeRelease(id, { projekte: 2000 });
    activate(r, '2');
    expect(retire(r, 1)).toEqual(['1']);
    const removal = emptyTrash(r);
    removal.stop();
    await removal.done;
    expect(fs.readdirSync(r.trashDir)).toHaveLength(1);
    await emptyTrash(r).done;
    expect(fs.readdirSync(r.trashDir)).toEqual([]);
    expect(listReleases(r)).toEqual(['2']);
  }, 60_000); // 4,000 files made and removed: seconds on a busy 2-core machine

  it('offers the oldest complete release that is not live for recycling, once `keep` releases exist', () => {
    const r = releases(root);
    for (const id of ['1', '2', '3']) {
      makeRelease(id);
      writeManifest(r, id, { id });
    }
    activate(r, '1');
    expect(recycleCandidate(r, 4)).toBeNull();
    expect(recycleCandidate(r, 3)).toEqual({ id: '2', dir: path.join(r.releasesDir, '2'), manifest: { id: '2' } });
    expect(recycleCandidate<{ id: string }>(r, 3, (m) => m.id !== '2')?.id).toBe('3');
    fs.rmSync(path.join(r.manifestsDir, '2.json'));
    expect(recycleCandidate(r, 3)?.id).toBe('3');

    // Claimed: no manifest any more (a killed build leaves an unfinished release), under the new name.
    claimRelease(r, '3', path.join(r.releasesDir, '4'));
    expect(readManifest(r, '3')).toBeNull();
    expect(listReleases(r)).toEqual(['1', '2', '4']);
    expect(fs.readFileSync(path.join(r.releasesDir, '4', 'index.html'), 'utf8')).toBe('3');
    expect(currentRelease(r)).toBe('1');
  });

  it('patches a recycled release without writing through a link into another release', () => {
    const r = releases(root);
    const live = makeRelease('live', { projekte: 2 });
    const old = path.join(root, 'releases', 'old');
    fs.cpSync(live, old, { recursive: true });
    // The recycled release shares a file with the live one.
    fs.rmSync(path.join(old, 'projekte', 'p0', 'index.html'));
    fs.linkSync(path.join(live, 'projekte', 'p0', 'index.html'), path.join(old, 'projekte', 'p0', 'index.html'));
    replaceFile(path.join(old, 'projekte', 'p0', 'index.html'), 'neu');
    expect(fs.readFileSync(path.join(old, 'projekte', 'p0', 'index.html'), 'utf8')).toBe('neu');
    expect(fs.readFileSync(path.join(live, 'projekte', 'p0', 'index.html'), 'utf8')).toBe('x');

    fs.writeFileSync(path.join(live, 'index.html'), 'live start');
    expect(replaceWithLink(path.join(live, 'index.html'), path.join(old, 'index.html'))).toBe(true);
    expect(fs.statSync(path.join(old, 'index.html')).ino).toBe(fs.statSync(path.join(live, 'index.html')).ino);
    expect(replaceWithLink(path.join(live, 'fehlt.html'), path.join(old, '404.html'))).toBe(false);

    // A removed page takes its empty folders with it (an empty folder answers 403, not 404), nothing else.
    fs.mkdirSync(path.join(old, 'kommunen', 'x', 'seite', '2'), { recursive: true });
    fs.writeFileSync(path.join(old, 'kommunen', 'x', 'index.html'), 'x');
    fs.writeFileSync(path.join(old, 'kommunen', 'x', 'seite', '2', 'index.html'), 'x');
    removeFile(old, path.join(old, 'kommunen', 'x', 'seite', '2', 'index.html'));
    expect(fs.existsSync(path.join(old, 'kommunen', 'x', 'seite'))).toBe(false);
    expect(fs.existsSync(path.join(old, 'kommunen', 'x', 'index.html'))).toBe(true);
    removeFile(old, path.join(old, 'projekte', 'p1', 'index.html'));
    expect(fs.readdirSync(path.join(old, 'projekte'))).toEqual(['p0']);
    expect(fs.existsSync(path.join(live, 'projekte', 'p1', 'index.html'))).toBe(true);
    expect(listReleases(r)).toEqual(['live', 'old']);
  });

  it('links a tree into a release and leaves the files that are there already', () => {
    const source = path.join(root, 'quelle');
    const target = path.join(root, 'ziel');
    for (const [file, text] of [
      ['a.js', 'a'],
      ['sub/b.css', 'b'],
      ['sub/tief/c.txt', 'c'],
    ] as const) {
      fs.mkdirSync(path.dirname(path.join(source, file)), { recursive: true });
      fs.writeFileSync(path.join(source, file), text);
    }
    fs.mkdirSync(path.join(target, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(target, 'sub', 'b.css'), 'eigene');
    expect(linkTree(source, target)).toBe(2);
    expect(fs.statSync(path.join(target, 'sub', 'tief', 'c.txt')).ino).toBe(
      fs.statSync(path.join(source, 'sub', 'tief', 'c.txt')).ino,
    );
    expect(fs.readFileSync(path.join(target, 'sub', 'b.css'), 'utf8')).toBe('eigene');
    expect(fs.readFileSync(path.join(source, 'sub', 'b.css'), 'utf8')).toBe('b');
    expect(linkTree(source, target)).toBe(0);
  });

  it('makes sortable unique ids', () => {
    expect(releaseId(new Date('2026-11-22T02:18:00.123Z'), () => 0.5)).toBe('20261122T021800123Z-7fff');
  });
});

describe('status page', () => {
  it('is German, escapes, and names failures and skipped entries', () => {
    const html = renderStatusPage({
      state: 'idle',
      pending: 0,
      live: '20261122T021800123Z-7fff',
      history: [
        {
          id: 'x',
          startedAt: '2026-11-22T02:20:00Z',
          seconds: 3.2,
          result: 'failed',
          kind: null,
          reason: null,
          error: 'Strapi <nicht> erreichbar',
          pages: null,
          recycled: null,
          searchChanged: null,
          differences: null,
          changes: 2,
          skipped: [],
          withheld: [],
          phases: null,
        },
        {
          id: 'y',
          startedAt: '2026-11-22T02:18:00Z',
          seconds: 1.4,
          result: 'success',
          kind: 'incremental',
          reason: null,
          error: null,
          pages: { rendered: 13, reused: 687, total: 700 },
          recycled: true,
          searchChanged: 1,
          differences: null,
          changes: 1,
          skipped: [
            { type: 'projects', documentId: 'd1', title: 'Kaputt', fields: ['status'], message: 'status: ungültig' },
          ],
          withheld: [
            {
              type: 'documents',
              documentId: 'd2',
              title: 'Protokoll <b>',
              field: 'file',
              name: 'protokoll.pdf',
              detected: 'html',
            },
            { type: 'projects', documentId: 'd3', title: 'Bauhof', field: 'image', name: null, detected: 'unbekannt' },
          ],
          phases: null,
        },
        {
          id: 'z',
          startedAt: '2026-11-22T02:00:00Z',
          seconds: 14,
          result: 'success',
          kind: 'full',
          reason: 'nächtliche Kontrolle',
          error: null,
          pages: { rendered: 700, reused: 0, total: 700 },
          recycled: false,
          searchChanged: 600,
          differences: ['/projekte/a/'],
          changes: 0,
          skipped: [],
          withheld: [
            { type: 'documents', documentId: 'd9', title: 'Alt', field: 'file', name: 'alt.js', detected: 'unbekannt' },
          ],
          phases: null,
        },
      ],
    });
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('Der letzte Neubau ist fehlgeschlagen');
    expect(html).toContain('Strapi &lt;nicht&gt; erreichbar');
    expect(html).toContain('Projekt „Kaputt“ – zu prüfen: status');
    expect(html).toContain('<h2>Dateien nicht veröffentlicht (2)</h2>');
    expect(html).toContain('<li>Dokument „Protokoll &lt;b&gt;“ – Datei „protokoll.pdf“: erkannt als html</li>');
    expect(html).toContain('<li>Projekt „Bauhof“ – Bild: Dateityp nicht erkannt</li>');
    expect(html).not.toContain('alt.js');
    expect(html).toContain(
      '<td>nur Änderungen</td><td>1.4 s</td><td class="success">erfolgreich</td><td>13</td><td>687</td><td>1</td>',
    );
    expect(html).toContain('vollständig (nächtliche Kontrolle)');
    expect(html).toContain('Kontrolle: 1 Seite(n) korrigiert');
    expect(html).toContain('Live ist die Version vom 22.11.2026, 03:18:00.');
  });
});
