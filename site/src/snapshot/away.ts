/**
 * Pure parts of bringing a saved content store up to date (./saved.ts): what Strapi changed while the
 * publisher was not listening – entries updated or published since the newest the store knows, entries
 * gone (seen in the count, then named by a listing), media files replaced or deleted – and when the store
 * cannot be trusted at all (Strapi's newest entry is older than the store's: a restored database).
 */

/** The newest of some ISO times (null for none). */
export function newestOf(times: Iterable<string | null | undefined>): string | null {
  let newest: string | null = null;
  for (const time of times) if (time && (!newest || time > newest)) newest = time;
  return newest;
}

/**
 * The REST filter for entries changed after the newest the store knows: updated after its newest `updatedAt`,
 * or published after its newest `publishedAt` (a publish may keep the draft's `updatedAt`). Null when the
 * store knows no entry of the type, which is then read whole.
 */
export function changedSinceFilter(
  newestUpdated: string | null,
  newestPublished: string | null,
): Record<string, unknown> | null {
  if (!newestUpdated) return null;
  const updated = { updatedAt: { $gt: newestUpdated } };
  return newestPublished ? { $or: [updated, { publishedAt: { $gt: newestPublished } }] } : updated;
}

/**
 * Whether the store knows a newer entry of a type than Strapi has: Strapi's database was restored to an older
 * state, or the newest entry was unpublished. Entries may then hold content Strapi no longer has, unseen by
 * times: the store reads all content again.
 */
export function storeAhead(storeNewest: string | null, strapiNewest: string | null): boolean {
  return storeNewest !== null && (strapiNewest === null || strapiNewest < storeNewest);
}

/**
 * Whether entries may have gone: Strapi's count of a type differs from the entries the store knows
 * (valid or skipped) plus the changed ones it does not know. Then every documentId is listed.
 */
export function countDisagrees(known: ReadonlySet<string>, changed: readonly string[], total: number): boolean {
  const unknown = new Set(changed.filter((id) => !known.has(id)));
  return known.size + unknown.size !== total;
}

/** The entries to read again after a listing of a type: those gone (Strapi removes them then) and those new. */
export function listingDifference(known: ReadonlySet<string>, listed: readonly string[]): string[] {
  const now = new Set(listed);
  return [...[...known].filter((id) => !now.has(id)), ...[...now].filter((id) => !known.has(id))];
}

export interface MediaFile {
  id: number;
  updatedAt: string;
}

/**
 * The media files the store uses that changed while it was saved: replaced or edited after `since` (the
 * newest file time the store knew), or deleted. With the newest time of the files now.
 */
export function changedMedia(
  used: Iterable<number>,
  files: readonly MediaFile[],
  since: string | null,
): { ids: number[]; newest: string | null } {
  const byId = new Map(files.map((file) => [file.id, file]));
  const ids = new Set<number>();
  for (const id of used) {
    const file = byId.get(id);
    if (!file || (since !== null && file.updatedAt > since)) ids.add(id);
  }
  return { ids: [...ids].sort((a, b) => a - b), newest: newestOf(files.map((file) => file.updatedAt)) };
}
