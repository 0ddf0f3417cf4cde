/**
 * A builder's content store file: read into an empty store after a start, saved only when the store changed –
 * at most every interval unless forced (when the builder closes) – and a failed save is logged, never thrown.
 * A store loaded from its file has nothing to save until it caught up with Strapi.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeFile, type SavableScreen, type SavableStore } from '@ikz/site/builder/store-file';
import type { ScreenState } from '@ikz/site/builder/screen';
import { ContentStore, type StoreState } from '@ikz/site/snapshot/store';
import type { StrapiClient } from '@ikz/shared-types/rest';

const topic = (name: string): StoreState => ({
  entries: [
    [
      'topic',
      [
        {
          entry: { documentId: 't1', updatedAt: '2026-11-01T10:00:00.000Z', name },
          downloads: [],
          images: [],
          refs: [],
          media: [],
        },
      ],
    ],
  ],
  invalid: [],
  mediaSince: null,
});

/** A store in memory: what it holds and a revision counted up at every change. */
function memoryStore(state: StoreState | null = null) {
  let revision = 0;
  return {
    get revision() {
      return revision;
    },
    exportState: () => state,
    importState(next: StoreState) {
      state = next;
      revision += 1;
    },
  } satisfies SavableStore;
}

/** Verdicts in memory, as the screen keeps them. */
function memoryScreen(state: ScreenState = { downloads: [], images: [] }) {
  return {
    exportState: () => state,
    importState(saved: ScreenState) {
      state = saved;
    },
  } satisfies SavableScreen;
}
const PDF: ScreenState = {
  downloads: [['/dateien/satzung-ab12cd34ef.pdf', { ok: true, type: { ext: 'pdf' } as never }]],
  images: [],
};

describe('content store file', () => {
  let dir: string;
  let file: string;
  let lines: string[];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-store-file-'));
    file = path.join(dir, 'site', 'content-store.json');
    lines = [];
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const open = (store: SavableStore, intervalMs = 60_000, screen: SavableScreen = memoryScreen()) =>
    storeFile({
      file,
      strapiUrl: 'http://127.0.0.1:1337/',
      store,
      screen,
      log: (line) => lines.push(line),
      intervalMs,
    });

  it('is read back, with the verdicts on the uploads, by the same code against the same Strapi, and by nothing else', () => {
    const store = memoryStore();
    store.importState(topic('Abfallwirtschaft'));
    open(store, 60_000, memoryScreen(PDF)).save('aaaa');

    const again = memoryStore();
    const screen = memoryScreen();
    expect(open(again, 60_000, screen).restore('aaaa')).toBe(true);
    expect(again.exportState()).toEqual(topic('Abfallwirtschaft'));
    expect(screen.exportState()).toEqual(PDF);
    expect(lines.at(-1)).toMatch(
      /^content store of .* loaded \(1 entries, [\d.]+ s\); Strapi is asked what changed since$/,
    );

    const other = memoryStore();
    expect(open(other).restore('bbbb')).toBe(false);
    expect(other.exportState()).toBeNull();
    expect(lines.at(-1)).toBe('content read whole from Strapi: the saved content is of other code or another Strapi');
    fs.rmSync(file);
    expect(open(other).restore('aaaa')).toBe(false);
    expect(lines.at(-1)).toBe('content read whole from Strapi: no saved content');
  });

  it('saves only a store that changed, at most once per interval unless forced', () => {
    const store = memoryStore();
    store.importState(topic('Abfallwirtschaft'));
    const saved = open(store);
    saved.save('aaaa');
    const read = () => open(memoryStore()).restore('aaaa') && JSON.parse(fs.readFileSync(file, 'utf8')).state;
    expect(read()).toEqual(topic('Abfallwirtschaft'));
    store.importState(topic('Digitalisierung'));
    // Changed, but saved less than the interval ago: not yet …
    saved.save('aaaa');
    expect(read()).toEqual(topic('Abfallwirtschaft'));
    // … unless forced, as when the builder closes.
    saved.save('aaaa', true);
    expect(read()).toEqual(topic('Digitalisierung'));
    // Unchanged: not written again, even when forced.
    fs.rmSync(file);
    saved.save('aaaa', true);
    expect(fs.existsSync(file)).toBe(false);
    // With an interval of 0 every change is saved; without a renderer yet there is no code hash to key it with.
    const eager = open(store, 0);
    store.importState(topic('Kultur'));
    eager.save(undefined);
    expect(fs.existsSync(file)).toBe(false);
    eager.save('aaaa');
    expect(read()).toEqual(topic('Kultur'));
  });

  it('logs a save that fails and goes on', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(path.join(dir, 'site', 'blocker'), '');
    file = path.join(dir, 'site', 'blocker', 'content-store.json');
    const store = memoryStore(topic('Abfallwirtschaft'));
    store.importState(topic('Abfallwirtschaft'));
    expect(() => open(store).save('aaaa', true)).not.toThrow();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^the content store could not be saved \(the next start reads all content\): Error: /);
  });

  it('has nothing to save from a content store loaded from its file until it caught up with Strapi', () => {
    const store = new ContentStore({ client: {} as StrapiClient, baseUrl: 'http://127.0.0.1:1337' });
    expect(store.exportState()).toBeNull();
    store.importState(topic('Abfallwirtschaft'));
    expect(store.isLoaded).toBe(true);
    expect(store.get('topic', 't1')).toEqual(topic('Abfallwirtschaft').entries[0]![1][0]!.entry);
    expect(store.exportState()).toBeNull();
  });
});
