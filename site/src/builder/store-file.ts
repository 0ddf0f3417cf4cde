/**
 * A builder's content store, with the verdicts on the uploads' bytes, kept in a file (../snapshot/saved.ts):
 * read into the empty store at the first build after a start, saved after builds that changed it – at most
 * every `intervalMs`, and when the builder closes. Saving is a shortcut for the next start, never a condition
 * of a release: it logs a failure and goes on.
 */
import { readSavedStore, saveStore, savedStoreKey } from '../snapshot/saved.ts';
import type { ContentStore } from '../snapshot/store.ts';
import type { FileScreen, ScreenState } from './screen.ts';

/** What of a content store its file needs. */
export type SavableStore = Pick<ContentStore, 'revision' | 'exportState' | 'importState'>;
/** What of the uploads' screen its file needs. */
export type SavableScreen = Pick<FileScreen, 'exportState' | 'importState'>;

export interface StoreFileOptions {
  file: string;
  strapiUrl: string;
  store: SavableStore;
  screen: SavableScreen;
  log: (message: string) => void;
  intervalMs: number;
}

export function storeFile({ file, strapiUrl, store, screen, log, intervalMs }: StoreFileOptions) {
  let savedRevision = -1;
  let savedAt = Number.NEGATIVE_INFINITY;

  return {
    /** Reads the saved store into the (empty) store; false if there is none for this code and Strapi. */
    restore(codeHash: string): boolean {
      const started = performance.now();
      const saved = readSavedStore(file, savedStoreKey(codeHash, strapiUrl));
      if (!saved.state) {
        log(`content read whole from Strapi: ${saved.reason}`);
        return false;
      }
      store.importState(saved.state);
      screen.importState(saved.verdicts as ScreenState);
      savedRevision = store.revision;
      const entries = saved.state.entries.reduce((n, [, list]) => n + list.length, 0);
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      log(
        `content store of ${saved.savedAt} loaded (${entries} entries, ${seconds} s); Strapi is asked what changed since`,
      );
      return true;
    },

    /** Saves the store if it changed since the last save, unless that was less than `intervalMs` ago (`force`: regardless). */
    save(codeHash: string | undefined, force = false): void {
      const state = codeHash ? store.exportState() : null;
      if (!codeHash || !state || store.revision === savedRevision) return;
      if (!force && performance.now() - savedAt < intervalMs) return;
      const revision = store.revision;
      try {
        saveStore(file, savedStoreKey(codeHash, strapiUrl), state, screen.exportState());
        savedRevision = revision;
        savedAt = performance.now();
      } catch (error) {
        log(`the content store could not be saved (the next start reads all content): ${String(error)}`);
      }
    },
  };
}

export type StoreFile = ReturnType<typeof storeFile>;
