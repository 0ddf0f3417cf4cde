/**
 * Pure parts of the Strapi content loader: validating REST entries against the shared schemas and
 * describing invalid ones so that editors can find and fix them.
 */
import type { z } from 'zod';
import type { InvalidEntry } from '@ikz/shared-types/build-report';

export type { InvalidEntry };

export interface Partitioned<T> {
  valid: T[];
  invalid: InvalidEntry[];
}

export function describeEntry(row: unknown): { documentId: string; title: string | null } {
  const record = (row && typeof row === 'object' ? row : {}) as Record<string, unknown>;
  const title = record.title ?? record.name;
  return {
    documentId: typeof record.documentId === 'string' ? record.documentId : '(ohne documentId)',
    title: typeof title === 'string' ? title : null,
  };
}

/** Splits REST rows into entries valid against the schema and a report of the others (type, documentId, fields). */
export function partitionEntries<T>(type: string, rows: unknown[], schema: z.ZodType<T>): Partitioned<T> {
  const valid: T[] = [];
  const invalid: InvalidEntry[] = [];
  for (const row of rows) {
    const result = schema.safeParse(row);
    if (result.success) {
      valid.push(result.data);
      continue;
    }
    const { documentId, title } = describeEntry(row);
    const fields = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || '(Eintrag)'))];
    invalid.push({
      type,
      documentId,
      title,
      fields,
      message: result.error.issues
        .map((issue) => `${issue.path.join('.') || '(Eintrag)'}: ${issue.message}`)
        .join('; '),
    });
  }
  return { valid, invalid };
}

export function formatInvalid(entry: InvalidEntry): string {
  return `${entry.type} ${entry.documentId}${entry.title ? ` („${entry.title}“)` : ''} skipped – invalid field(s) ${entry.fields.join(', ')}: ${entry.message}`;
}
