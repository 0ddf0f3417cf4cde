import type { APIContext } from 'astro';
import { securityTxt, securityTxtOptions } from '../../lib/security-txt.ts';

export function GET({ site }: APIContext) {
  const body = securityTxt(securityTxtOptions(process.env, site!.href, new Date()));
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
