/** The Content-Security-Policy the shipped nginx sample sends with the site's pages (its `$ikz_csp` map's default). */
import fs from 'node:fs';

export function nginxSiteCsp(): string {
  const config = fs.readFileSync(new URL('../../scripts/deploy/nginx.conf', import.meta.url), 'utf8');
  const map = config.slice(config.indexOf('map $uri $ikz_csp {'));
  const csp = /^\s*default\s+"([^"]+)";/m.exec(map.slice(0, map.indexOf('}')))?.[1];
  if (!csp) throw new Error('nginx.conf: no default in the map $ikz_csp');
  return csp;
}
