import type { APIContext } from 'astro';
import { site } from '../../lib/content.ts';
import { projectRecord, toCsv } from '../../lib/open-data.ts';

export async function GET({ site: url }: APIContext) {
  const { projects } = await site();
  return new Response(toCsv(projects.map((p) => projectRecord(p, url!.href))), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
