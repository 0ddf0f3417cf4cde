/**
 * When the publisher saves its content store (see SiteBuilder.saveStore). At ten times the demo content a save
 * blocks the process for about 2.5 s (73 MB of JSON), so it waits until publishing has been quiet for
 * `quietMs` after a build; under steady editing, which is never quiet, it saves right after a build once the
 * last save is `maxAgeMs` old. A crash loses at most that much of the file, and a restart asks Strapi for what
 * changed since anyway. The publisher also saves when it closes.
 */
export interface StoreSaverOptions {
  save: () => void;
  quietMs?: number;
  maxAgeMs?: number;
  now?: () => number;
}

export function createStoreSaver({ save, quietMs = 3000, maxAgeMs = 300_000, now = Date.now }: StoreSaverOptions) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let savedAt = now();
  const saveNow = () => {
    clearTimeout(timer);
    timer = undefined;
    save();
    savedAt = now();
  };
  return {
    /** A build starts: a save waiting for quiet waits longer. */
    building(): void {
      clearTimeout(timer);
      timer = undefined;
    },
    /** A build went live: save once quiet, or now if the last save is too old. */
    built(): void {
      clearTimeout(timer);
      if (now() - savedAt >= maxAgeMs) return saveNow();
      timer = setTimeout(saveNow, quietMs);
      timer.unref?.();
    },
    /** Forgets a save waiting for quiet (the caller saves on close itself). */
    stop(): void {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
