import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lowestScore, onePagePerKind, pageShiftLine } from '@ikz/scripts/lib/reader-figures';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A built site with these pages (their index.html). */
function site(pages: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-kinds-'));
  dirs.push(dir);
  for (const page of pages) {
    fs.mkdirSync(path.join(dir, page), { recursive: true });
    fs.writeFileSync(path.join(dir, page, 'index.html'), '<!doctype html>');
  }
  return dir;
}

describe("the bench's reader figures", () => {
  it('take one page of every kind, the first by URL, and no search bundle', () => {
    const dir = site([
      '',
      'projekte',
      'projekte/zweckverband',
      'projekte/abfall',
      'projekte/seite/2',
      'projekte/seite/3',
      'dokumente/typ/satzung',
      'dokumente/archiv/2019',
      'pagefind/fragment',
      'impressum',
    ]);
    expect(onePagePerKind(dir)).toEqual([
      '/',
      '/dokumente/archiv/2019/',
      '/dokumente/typ/satzung/',
      '/impressum/',
      '/projekte/',
      '/projekte/abfall/',
      '/projekte/seite/2/',
    ]);
  });

  it("print each page's shifts, a page that failed to load as such, and the lowest score", () => {
    expect(
      pageShiftLine([
        { url: '/projekte/', shifts: [0, 0.0213] },
        { url: '/suche/', shifts: null, error: 'Timeout' },
      ]),
    ).toBe('/projekte/ 0.000 / 0.021; /suche/ failed (Timeout)');
    const figure = { url: '/projekte/', formFactor: 'mobile' as const, fcpMs: 0, lcpMs: 0, tbtMs: 0, cls: 0 };
    expect(
      lowestScore([
        { ...figure, score: 100 },
        { ...figure, score: 94 },
      ]),
    ).toBe(94);
  });
});
