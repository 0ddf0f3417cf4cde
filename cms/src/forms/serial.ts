/**
 * One task at a time per key in this process: two parallel requests for the same address or token run one
 * after the other, so they cannot both create a row or both confirm it.
 */
const busy = new Map<string, Promise<unknown>>();

export async function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
  const before = busy.get(key) ?? Promise.resolve();
  const run = before.then(task, task);
  const settled = run.catch(() => undefined);
  busy.set(key, settled);
  try {
    return await run;
  } finally {
    if (busy.get(key) === settled) busy.delete(key);
  }
}
