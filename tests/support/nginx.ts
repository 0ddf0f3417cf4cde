/**
 * Debian's real nginx running the shipped sample configuration (scripts/deploy/nginx.conf) against a built
 * site: only host-specific values are replaced – ports, certificate paths, the release root – so what is
 * tested is the sample as an operator would install it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort, REPO_ROOT } from '@ikz/scripts/lib/strapi-process';
import { readEnv } from '@ikz/shared-types/env';

export const NGINX = readEnv(['NGINX_PATH']).NGINX_PATH;
export const SAMPLE = path.join(REPO_ROOT, 'scripts', 'deploy', 'nginx.conf');

export interface RunningNginx {
  httpsPort: number;
  httpPort: number;
  /** The test certificate and its key (PEM files), e.g. for a TLS server to compare with. */
  cert: string;
  key: string;
  stop(): Promise<void>;
}

export interface Upstreams {
  /** Port of Strapi behind the admin host (default: a free port where nothing listens). */
  strapiPort?: number;
  /** Port of the publisher behind the admin host's status page. */
  publisherPort?: number;
  /** Lines of the status page's password file (`user:hash`). */
  htpasswd?: string[];
}

/** The sample with this host's ports, certificate, release root and password file. */
export function adaptSample(
  sample: string,
  values: {
    httpsPort: number;
    httpPort: number;
    previewPort: number;
    strapiPort: number;
    publisherPort: number;
    cert: string;
    key: string;
    root: string;
    htpasswd: string;
  },
): string {
  const replaced = sample
    .replaceAll('listen 443 ssl', `listen 127.0.0.1:${values.httpsPort} ssl`)
    .replaceAll('listen 80;', `listen 127.0.0.1:${values.httpPort};`)
    .replaceAll('/etc/ssl/interkommunales/fullchain.pem', values.cert)
    .replaceAll('/etc/ssl/interkommunales/privkey.pem', values.key)
    .replaceAll('/srv/interkommunales/site/current', values.root)
    .replaceAll('/etc/nginx/interkommunales.htpasswd', values.htpasswd)
    .replaceAll('127.0.0.1:4322', `127.0.0.1:${values.previewPort}`)
    .replaceAll('127.0.0.1:1337', `127.0.0.1:${values.strapiPort}`)
    .replaceAll('127.0.0.1:4320', `127.0.0.1:${values.publisherPort}`);
  for (const original of [
    'listen 443',
    'listen 80;',
    '/etc/ssl/interkommunales',
    '/srv/interkommunales/site/current',
    '/etc/nginx/interkommunales.htpasswd',
  ]) {
    if (replaced.includes(original))
      throw new Error(
        `The nginx sample still contains "${original}" after adapting it: update tests/support/nginx.ts.`,
      );
  }
  if (/127\.0\.0\.1:(1337|4320|4322)\b/.test(replaced))
    throw new Error(
      'The nginx sample still contains a default upstream port after adapting it: update tests/support/nginx.ts.',
    );
  return replaced;
}

export async function startNginx(
  siteDir: string,
  previewPort: number,
  upstreams: Upstreams = {},
): Promise<RunningNginx> {
  if (!fs.existsSync(NGINX))
    throw new Error(`nginx not found at ${NGINX}: install Debian's package (apt-get install nginx) or set NGINX_PATH.`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-nginx-'));
  const cert = path.join(tmp, 'cert.pem');
  const key = path.join(tmp, 'key.pem');
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=www.interkommunales.example',
      '-days',
      '1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`openssl could not make a test certificate: ${made.stderr}`);
  const root = path.join(tmp, 'current');
  fs.symlinkSync(siteDir, root);
  const [httpsPort, httpPort] = [await freePort(), await freePort()];
  const strapiPort = upstreams.strapiPort ?? (await freePort());
  const publisherPort = upstreams.publisherPort ?? (await freePort());
  const htpasswd = path.join(tmp, 'htpasswd');
  fs.writeFileSync(htpasswd, (upstreams.htpasswd ?? []).map((line) => `${line}\n`).join(''), { mode: 0o600 });
  fs.writeFileSync(
    path.join(tmp, 'interkommunales.conf'),
    adaptSample(fs.readFileSync(SAMPLE, 'utf8'), {
      httpsPort,
      httpPort,
      previewPort,
      strapiPort,
      publisherPort,
      cert,
      key,
      root,
      htpasswd,
    }),
  );
  fs.writeFileSync(
    path.join(tmp, 'nginx.conf'),
    `master_process off;
daemon off;
pid ${tmp}/nginx.pid;
error_log ${tmp}/error.log warn;
events { worker_connections 128; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  # As in Debian's /etc/nginx/nginx.conf: the sample must hold against these.
  ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;
  ssl_prefer_server_ciphers on;
  gzip on;
  access_log off;
  client_body_temp_path ${tmp}/body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  include ${tmp}/interkommunales.conf;
}
`,
  );
  const check = spawnSync(NGINX, ['-t', '-p', tmp, '-e', `${tmp}/error.log`, '-c', `${tmp}/nginx.conf`], {
    encoding: 'utf8',
  });
  if (check.status !== 0) throw new Error(`nginx refuses the sample configuration:\n${check.stderr}`);
  const child: ChildProcess = spawn(NGINX, ['-p', tmp, '-e', `${tmp}/error.log`, '-c', `${tmp}/nginx.conf`], {
    stdio: 'ignore',
  });
  const deadline = Date.now() + 10_000;
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      http
        .get({ host: '127.0.0.1', port: httpPort, path: '/' }, (res) => {
          res.resume();
          resolve(true);
        })
        .on('error', () => resolve(false));
    });
    if (up) break;
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(
        `nginx did not start: ${fs.existsSync(`${tmp}/error.log`) ? fs.readFileSync(`${tmp}/error.log`, 'utf8') : ''}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    httpsPort,
    httpPort,
    cert,
    key,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGQUIT');
        await exited;
      }
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export interface Fetched {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request to the local nginx as the public host name, over TLS with the test certificate. */
export function request(
  port: number,
  urlPath: string,
  options: {
    tls?: boolean;
    headers?: Record<string, string>;
    host?: string;
    method?: string;
    body?: string | Buffer;
    localAddress?: string;
  } = {},
): Promise<Fetched> {
  const tls = options.tls ?? true;
  const host = options.host ?? 'www.interkommunales.example';
  return new Promise((resolve, reject) => {
    const settings = {
      host: '127.0.0.1',
      port,
      path: urlPath,
      method: options.method ?? 'GET',
      headers: { Host: host, ...options.headers },
      servername: host,
      rejectUnauthorized: false,
      localAddress: options.localAddress,
      agent: false,
    };
    const req = (tls ? https : http).request(settings, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
