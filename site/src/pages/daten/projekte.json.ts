import type { APIContext } from 'astro';
import { site } from '../../lib/content.ts';
import { projectRecord } from '../../lib/open-data.ts';

export async function GET({ site: url }: APIContext) {
  const { projects } = await site();
  const body = {
    title: 'Interkommunales.NRW – Kooperationsprojekte',
    license: 'https://www.govdata.de/dl-de/by-2-0',
    count: projects.length,
    projects: projects.map((p) => projectRecord(p, url!.href)),
  };
  return new Response(JSON.stringify(body, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
