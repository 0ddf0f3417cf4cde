/**
 * The rules of a backup archive, without any file system: its name, its manifest (what it holds, with the
 * size and SHA-256 of every file), whether this code may restore it, whether what was unpacked matches the
 * manifest, and which old archives the retention removes.
 */
import { z } from 'zod';

export const FORMAT = 'interkommunales-backup';
/** Layout of the archive and its manifest; raise it when an older restore could not read a new archive. */
export const FORMAT_VERSION = 1;
/**
 * Version of the content model the database holds; raise it when a content-type change means that older
 * code must not run on a newer database (Strapi migrates additive changes itself at start).
 */
export const SCHEMA_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';

/** The secrets Strapi needs to read a database (API token hashes, encrypted values, sessions). */
export const STRAPI_SECRETS = [
  'APP_KEYS',
  'ADMIN_JWT_SECRET',
  'API_TOKEN_SALT',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
] as const;

export class BackupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
  }
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex');
/** Paths inside the archive: relative, with forward slashes, below one of the known folders, no `..`. */
const archivePath = z
  .string()
  .regex(/^(database|uploads|state)\/[^\0\\]+$/, 'must lie below database/, uploads/ or state/')
  .refine(
    (p) => p.split('/').every((part) => part !== '' && part !== '.' && part !== '..'),
    'must not contain empty, . or .. segments',
  );

const fileSchema = z.object({ path: archivePath, size: z.number().int().nonnegative(), sha256 });
export type ManifestFile = z.infer<typeof fileSchema>;

const manifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.number().int().positive(),
  schemaVersion: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  app: z.object({ version: z.string(), strapi: z.string() }),
  database: z.object({ client: z.enum(['sqlite', 'postgres']), file: archivePath }),
  secrets: z.object({ included: z.array(z.string()), notIncluded: z.array(z.string()), note: z.string().optional() }),
  files: z.array(fileSchema),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Numeric comparison of dotted versions ("5.54.0" < "5.100.1"); anything after a '-' is ignored. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) =>
    v
      .split('-')[0]!
      .split('.')
      .map((n) => Number.parseInt(n, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

export interface CodeVersions {
  formatVersion: number;
  schemaVersion: number;
  strapi: string;
}

/**
 * Reads a manifest and checks that this code may restore it: the right format, not newer than this code
 * (format, content schema, Strapi), every field in place. Throws a BackupError that says what to do.
 */
export function parseManifest(
  text: string,
  code: CodeVersions = { formatVersion: FORMAT_VERSION, schemaVersion: SCHEMA_VERSION, strapi: '0' },
): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new BackupError('the archive is damaged: its manifest is not valid JSON', { cause: error });
  }
  const head = z
    .object({
      format: z.string(),
      formatVersion: z.number(),
      schemaVersion: z.number().optional(),
      app: z.object({ version: z.string().optional(), strapi: z.string().optional() }).optional(),
    })
    .safeParse(raw);
  if (!head.success || head.data.format !== FORMAT)
    throw new BackupError('this is not an Interkommunales.NRW backup (its manifest has no known format)');
  if (head.data.formatVersion > code.formatVersion) {
    throw new BackupError(
      `the archive was written by a newer version of Interkommunales.NRW (archive format ${head.data.formatVersion}, this code reads up to ${code.formatVersion}): update the code, then restore`,
    );
  }
  if (head.data.schemaVersion !== undefined && head.data.schemaVersion > code.schemaVersion) {
    throw new BackupError(
      `the archive holds a newer content schema (version ${head.data.schemaVersion}, this code knows up to ${code.schemaVersion}): update the code, then restore`,
    );
  }
  const strapi = head.data.app?.strapi;
  if (strapi && code.strapi !== '0' && compareVersions(strapi, code.strapi) > 0) {
    throw new BackupError(
      `the archive comes from a newer Strapi (${strapi}, this code has ${code.strapi}): update the code, then restore`,
    );
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BackupError(
      `the archive is damaged: its manifest is invalid (${issue.path.join('.') || 'manifest'}: ${issue.message})`,
    );
  }
  const seen = new Set<string>();
  for (const file of parsed.data.files) {
    if (seen.has(file.path)) throw new BackupError(`the archive is damaged: its manifest lists ${file.path} twice`);
    seen.add(file.path);
  }
  if (!seen.has(parsed.data.database.file))
    throw new BackupError(
      `the archive is damaged: its manifest does not list the database (${parsed.data.database.file})`,
    );
  return parsed.data;
}

/**
 * Differences between the manifest and what the archive really held, each as one readable line: files
 * missing, of another size or checksum, or not listed at all. Empty when they match.
 */
export function compareWithManifest(
  manifest: Manifest,
  found: ReadonlyMap<string, { size: number; sha256: string }>,
): string[] {
  const problems: string[] = [];
  for (const file of manifest.files) {
    const actual = found.get(file.path);
    if (!actual) problems.push(`${file.path} is missing`);
    else if (actual.size !== file.size) problems.push(`${file.path} has ${actual.size} bytes instead of ${file.size}`);
    else if (actual.sha256 !== file.sha256) problems.push(`${file.path} does not match its checksum`);
  }
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const name of found.keys()) if (!listed.has(name)) problems.push(`${name} is not in the manifest`);
  return problems;
}

const ARCHIVE_NAME = /^interkommunales-backup-(\d{8}T\d{6}Z)(?:-(\d+))?\.tar\.gz$/;

/** File name of an archive written at `date` (UTC, sortable); `n` > 1 when that second is taken. */
export function archiveName(date: Date, n = 1): string {
  const stamp = date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');
  return `interkommunales-backup-${stamp}${n > 1 ? `-${n}` : ''}.tar.gz`;
}

/**
 * The archives to delete so that the newest `keep` remain. Only names this program writes count; other
 * files in the folder (partial writes, an operator's own copies) are never touched.
 */
export function archivesToDelete(names: readonly string[], keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new BackupError(`cannot keep ${keep} archives: at least 1`);
  const key = (name: string) => {
    const m = ARCHIVE_NAME.exec(name)!;
    return `${m[1]}-${(m[2] ?? '1').padStart(6, '0')}`;
  };
  const ours = names
    .filter((name) => ARCHIVE_NAME.test(name))
    .sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
  return ours.slice(keep);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
