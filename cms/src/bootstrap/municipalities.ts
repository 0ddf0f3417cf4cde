import type { Core } from '@strapi/strapi';
import { readReferenceJson, referenceDataDir, referenceDataProblem } from '@ikz/shared-types/reference-data';
import {
  buildMunicipalityRows,
  planMunicipalitySync,
  type KommuneRecord,
  type KreisRecord,
} from '../lib/municipalities.ts';

const UID = 'api::municipality.municipality';

/** Stops Strapi's start, before its database is touched, when the reference data cannot be read (one line). */
export function assertReferenceData(): void {
  const problem = referenceDataProblem();
  if (problem) throw new Error(problem);
}

/** Loads the 396 Gemeinden and 31 Kreise from the reference data; creates, updates and removes rows so they match. */
export async function syncMunicipalities(strapi: Core.Strapi): Promise<void> {
  const dir = referenceDataDir();
  const rows = buildMunicipalityRows(
    readReferenceJson<KommuneRecord[]>('nrw-kommunen.json'),
    readReferenceJson<KreisRecord[]>('nrw-kreise.json'),
  );
  const documents = strapi.documents(UID as any) as any;
  const stored = await strapi.db.query(UID).findMany({});
  const plan = planMunicipalitySync(stored as any, rows);
  if (!plan.create.length && !plan.update.length && !plan.remove.length) return;

  await strapi.db.transaction(async () => {
    for (const row of plan.create) await documents.create({ data: row });
    for (const u of plan.update) await documents.update({ documentId: u.documentId, data: u.changes });
    for (const r of plan.remove) await documents.delete({ documentId: r.documentId });
  });
  strapi.log.info(
    `[ikz] municipalities synced from ${dir}: ${plan.create.length} created, ${plan.update.length} updated, ${plan.remove.length} removed`,
  );
}
