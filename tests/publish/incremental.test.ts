/**
 * Incremental publishing against a real Strapi and real builds: a random sequence of edits across all six
 * content types, each put live incrementally through the real webhook, ends with exactly the output of a
 * full build of the same content; steady editing causes no failed build; a build killed in the middle leaves
 * the live release untouched and the next build recovers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_HEADER } from '@ikz/shared-types/webhook';
import { decodeFinderFile, FINDER_FILE } from '@ikz/site/lib/finder-data';
import { createSiteBuilder } from '@ikz/site/builder';
import { referencedSearchFiles } from '@ikz/site/builder/search-reuse';
import { Random } from '@ikz/scripts/lib/prng';
import { freePort, REPO_ROOT } from '@ikz/scripts/lib/strapi-process';
import { serveStatic } from '@ikz/scripts/lib/static-server';
import { currentDir, currentRelease, listReleases, releases } from '@ikz/scripts/publisher/releases';
import { launchChromium } from '../support/browser.ts';
import {
  adminAction,
  adminJwt,
  releaseFiles,
  searchResults,
  settle,
  SITE_URL,
  startPipeline,
  type Pipeline,
} from './harness.ts';

/** Projects per search bundle in these tests. */
const PROJECTS_PER_BUNDLE = 4;
let pipeline: Pipeline;
let browser: Browser;

beforeAll(async () => {
  // Four projects per search bundle: the ~10 projects are split over three bundles, and new ones split them anew.
  pipeline = await startPipeline('incremental', undefined, {}, { projectsPerBundle: PROJECTS_PER_BUNDLE });
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await pipeline?.close();
});

interface Ref {
  documentId: string;
  title: string;
}

/** The operations of the random sequence; each changes Strapi as an editor would and says what it did. */
function operations(p: Pipeline, jwt: string, refs: { topics: Ref[]; municipalities: Ref[] }) {
  const random = new Random('inkrementell');
  const created: Record<string, Ref[]> = { project: [], document: [], event: [], newsletter: [] };
  const unpublished: { uid: string; ref: Ref }[] = [];
  let n = 0;
  const some = <T>(items: T[], max: number) => [
    ...new Set(Array.from({ length: random.int(1, max) }, () => random.pick(items))),
  ];
  const published = async (plural: string) =>
    (await p.seed.findPage<Ref>(plural, 1, { fields: ['title'], sort: ['id:desc'] })).data;
  const title = (what: string) => `Inkrementtest ${what} ${++n}`;
  const create = async (type: string, plural: string, data: Record<string, unknown>) => {
    const response = await p.seed.request<{ data: Ref }>('POST', `/api/${plural}`, { body: { data } });
    created[type]!.push(response.data);
    return `create ${type} ${response.data.title}`;
  };
  const unpublish = async (uid: string, plural: string) => {
    const [ref] = random.sample(await published(plural), 1);
    if (!ref) return 'nothing to unpublish';
    expect(await adminAction(p.strapi, jwt, uid, ref.documentId, 'unpublish')).toBe(200);
    unpublished.push({ uid, ref });
    return `unpublish ${uid} ${ref.documentId}`;
  };
  const futureDate = () => new Date(Date.now() + random.int(5, 200) * 86_400_000);

  return [
    () =>
      create('project', 'projects', {
        title: title('Projekt'),
        summary: 'Ein Kooperationsprojekt, das der Test der inkrementellen Veröffentlichung anlegt.',
        cooperationForm: 'Arbeitsgemeinschaft',
        projectStatus: 'Planung',
        bestPractice: random.chance(0.5),
        startYear: random.int(2015, 2026),
        topics: some(refs.topics, 2).map((t) => t.documentId),
        leadMunicipality: random.pick(refs.municipalities).documentId,
        municipalities: some(refs.municipalities, 3).map((m) => m.documentId),
      }),
    async () => {
      const [project] = random.sample(await published('projects'), 1);
      await p.seed.request('PUT', `/api/projects/${project!.documentId}`, {
        body: { data: { title: title('umbenanntes Projekt') } },
      });
      return `rename project ${project!.documentId}`;
    },
    async () => {
      const [project] = random.sample(await published('projects'), 1);
      await p.seed.request('PUT', `/api/projects/${project!.documentId}`, {
        body: {
          data: {
            topics: some(refs.topics, 2).map((t) => t.documentId),
            leadMunicipality: random.pick(refs.municipalities).documentId,
            municipalities: some(refs.municipalities, 3).map((m) => m.documentId),
          },
        },
      });
      return `relations of project ${project!.documentId}`;
    },
    () => unpublish('api::project.project', 'projects'),
    async () => {
      const entry = unpublished.pop();
      if (!entry) return 'nothing to publish again';
      expect(await adminAction(p.strapi, jwt, entry.uid, entry.ref.documentId, 'publish')).toBe(200);
      return `publish again ${entry.uid} ${entry.ref.documentId}`;
    },
    async () => {
      const [project] = random.sample(await published('projects'), 1);
      await p.seed.request('DELETE', `/api/projects/${project!.documentId}`);
      return `delete project ${project!.documentId}`;
    },
    () =>
      create('document', 'documents', {
        title: title('Dokument'),
        type: random.pick(['Satzung', 'Leitfaden', 'Fachbeitrag', 'Muster/Vorlage']),
        date: `2026-0${random.int(1, 9)}-1${random.int(0, 9)}`,
        externalUrl: 'https://www.land.nrw/',
        summary: 'Ein Dokument aus dem Test der inkrementellen Veröffentlichung.',
        topics: some(refs.topics, 2).map((t) => t.documentId),
      }),
    async () => {
      const [doc] = random.sample(await published('documents'), 1);
      await p.seed.request('PUT', `/api/documents/${doc!.documentId}`, {
        body: { data: { title: title('umbenanntes Dokument') } },
      });
      return `rename document ${doc!.documentId}`;
    },
    () => unpublish('api::document.document', 'documents'),
    () => {
      const start = futureDate();
      return create('event', 'events', {
        title: title('Veranstaltung'),
        format: 'Online-Veranstaltung',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
        summary: 'Eine Veranstaltung aus dem Test der inkrementellen Veröffentlichung.',
        online: { platform: 'Webex', url: 'https://www.land.nrw/' },
        eventStatus: 'Anmeldung offen',
      });
    },
    async () => {
      const [event] = random.sample(await published('events'), 1);
      await p.seed.request('PUT', `/api/events/${event!.documentId}`, {
        body: { data: { title: title('verlegte Veranstaltung') } },
      });
      return `rename event ${event!.documentId}`;
    },
    () => unpublish('api::event.event', 'events'),
    () =>
      create('newsletter', 'newsletters', {
        title: title('Newsletter'),
        year: 2026,
        number: random.int(5, 9),
        sentAt: '2026-10-15',
        editorial: [{ type: 'paragraph', children: [{ type: 'text', text: 'Editorial aus dem Test.' }] }],
      }),
    async () => {
      const list = created.newsletter!;
      const ref = list.pop();
      if (!ref) return 'no newsletter to delete';
      await p.seed.request('DELETE', `/api/newsletters/${ref.documentId}`);
      return `delete newsletter ${ref.documentId}`;
    },
    async () => {
      const topic = random.pick(refs.topics);
      const name = title('Handlungsfeld');
      await p.seed.request('PUT', `/api/topics/${topic.documentId}`, { body: { data: { name } } });
      topic.title = name;
      return `rename topic ${topic.documentId}`;
    },
    async () => {
      const municipality = random.pick(refs.municipalities);
      await p.seed.request('PUT', `/api/municipalities/${municipality.documentId}`, {
        body: { data: { name: title('Kommune') } },
      });
      return `rename municipality ${municipality.documentId}`;
    },
  ];
}

/** Builds all content in full into a new folder, expects `dir` to hold exactly its pages and data files, returns the folder. */
async function expectOutputOfFullBuild(dir: string, name: string, context: string): Promise<string> {
  const fullDir = path.join(pipeline.strapi.tmp, name);
  const builder = createSiteBuilder({
    strapiUrl: pipeline.strapi.url,
    token: pipeline.strapi.buildToken,
    siteUrl: SITE_URL,
    cacheDir: path.join(pipeline.strapi.tmp, `${name}-cache`),
    projectsPerBundle: PROJECTS_PER_BUNDLE,
  });
  try {
    await builder.build({ outDir: fullDir, base: null });
  } finally {
    await builder.close();
  }
  const a = releaseFiles(dir);
  const b = releaseFiles(fullDir);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  const differing = [...a.keys()].filter((file) => a.get(file) !== b.get(file));
  expect(differing, context).toEqual([]);
  return fullDir;
}

describe('incremental publishing', () => {
  it('ends a random sequence of 36 edits with exactly the output of a full build', async () => {
    const p = pipeline;
    const jwt = await adminJwt(p.strapi);
    const topics = (await p.seed.findAll<{ documentId: string; name: string }>('topics', { fields: ['name'] })).map(
      (t) => ({ documentId: t.documentId, title: t.name }),
    );
    const municipalities = (
      await p.seed.findAll<{ documentId: string; name: string; kind: string }>('municipalities', {
        fields: ['name', 'kind'],
        filters: { kind: { $ne: 'Kreis' } },
      })
    )
      .slice(0, 40)
      .map((m) => ({ documentId: m.documentId, title: m.name }));
    const ops = operations(p, jwt, { topics, municipalities });
    const random = new Random('reihenfolge');
    const done: string[] = [];
    // Every operation once, then random ones: at least 36 in all.
    const sequence = [...ops.keys(), ...Array.from({ length: 36 - ops.length }, () => random.int(0, ops.length - 1))];
    for (const index of sequence) {
      done.push(await ops[index]!());
      await settle(p.publisher);
    }
    expect(done.length).toBeGreaterThanOrEqual(36);
    const history = p.publisher.status().history;
    expect(history.filter((h) => h.result === 'failed')).toEqual([]);
    const incremental = history.filter((h) => h.kind === 'incremental');
    expect(incremental.length).toBeGreaterThan(10);
    expect(incremental.every((h) => h.pages!.rendered < h.pages!.total)).toBe(true);
    // Once `keep` releases exist, builds patch the oldest one into the new release (and the comparison below
    // with a full build covers those too).
    expect(incremental.filter((h) => h.recycled).length).toBeGreaterThan(5);

    const live = currentDir(p.publisher.releases);
    const fullDir = await expectOutputOfFullBuild(live, 'full-build', `after: ${done.join('; ')}`);
    const a = releaseFiles(live);
    for (const file of [
      'sitemap-0.xml',
      'projekte/feed.xml',
      'newsletter/feed.xml',
      'daten/projekte.json',
      'daten/projekte.csv',
      'veranstaltungen/kalender.ics',
      // The projects are split over several search bundles, each with the finder's file (compared above).
      'pagefind/projekte.json',
      'pagefind-projekte-2/projekte.json',
    ])
      expect(a.has(file), file).toBe(true);
    // Bundles written again start from the base release's files (search-reuse.ts): each holds exactly the
    // hashed files its index names, none left over from earlier builds.
    for (const bundle of fs.readdirSync(live).filter((name) => name.startsWith('pagefind'))) {
      const dir = path.join(live, bundle);
      const hashed = fs
        .readdirSync(dir, { recursive: true })
        .map(String)
        .filter((file) => /\.pf_(fragment|index|filter|meta)$/.test(file));
      expect(hashed.sort(), bundle).toEqual([...referencedSearchFiles(dir)].sort());
    }

    const fullServer = await serveStatic(fullDir);
    try {
      const queries = ['Inkrementtest', 'Kooperation', 'umbenanntes', 'Handlungsfeld', 'Veranstaltung', 'Satzung'];
      const fromLive = await searchResults(browser, p.web.url, queries);
      const fromFull = await searchResults(browser, fullServer.url, queries);
      expect(fromLive).toEqual(fromFull);
      expect(fromLive.Inkrementtest!.length).toBeGreaterThan(5);
    } finally {
      await fullServer.close();
    }
  });

  it('takes a page changed and changed back out of the search index too, when a recycled release held it', async () => {
    const p = pipeline;
    await settle(p.publisher);
    const documents = (
      await p.seed.findPage<{ slug: string; topics?: { documentId: string; name: string }[] }>('documents', 1, {
        fields: ['slug'],
        populate: { topics: { fields: ['name'] } },
      })
    ).data;
    const document = documents.find((d) => d.topics?.length)!;
    const topic = document.topics![0]!;
    const documentPage = async () => (await fetch(`${p.web.url}/dokumente/${document.slug}/`)).text();
    // Every kept release (keep: 3) shows the document as it is now.
    for (let i = 0; i < 3; i += 1) await p.publisher.build();
    const before = await documentPage();
    const word = 'Xylqwertz';
    await p.seed.request('PUT', `/api/topics/${topic.documentId}`, {
      body: { data: { name: `${topic.name} ${word}` } },
    });
    await settle(p.publisher);
    expect((await searchResults(browser, p.web.url, [word]))[word]).toContain(`/dokumente/${document.slug}/`);

    await p.seed.request('PUT', `/api/topics/${topic.documentId}`, { body: { data: { name: topic.name } } });
    await settle(p.publisher);
    const last = p.publisher.status().history[0]!;
    expect(last.result).toBe('success');
    // The recycled release held the document's page as it is again: the page stayed, its search record changed.
    expect(last.recycled).toBe(true);
    expect(await documentPage()).toBe(before);
    expect((await searchResults(browser, p.web.url, [word]))[word]).toEqual([]);
  });

  it('keeps every build green while a new project is published every 3 s', async () => {
    const p = pipeline;
    const startedAt = new Date().toISOString();
    const before = p.publisher.status().builds;
    const [topic] = (await p.seed.findPage<{ documentId: string }>('topics', 1)).data;
    const [lead] = (await p.seed.findPage<{ documentId: string }>('municipalities', 1)).data;
    const slugs: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const created = await p.seed.request<{ data: { slug: string } }>('POST', '/api/projects', {
        body: {
          data: {
            title: `Dauerlauf Projekt ${i + 1}`,
            summary: 'Ein Projekt aus dem Test der Veröffentlichung unter ständigem Bearbeiten.',
            cooperationForm: 'Sonstige',
            projectStatus: 'Idee/Partnersuche',
            bestPractice: false,
            topics: [topic!.documentId],
            leadMunicipality: lead!.documentId,
          },
        },
      });
      slugs.push(created.data.slug);
      await new Promise((r) => setTimeout(r, 3000));
    }
    await settle(p.publisher);
    expect(p.publisher.status().builds - before).toBeGreaterThan(3);
    const builds = p.publisher.status().history.filter((b) => b.startedAt >= startedAt);
    expect(builds.filter((b) => b.result !== 'success')).toEqual([]);
    for (const slug of slugs) expect((await fetch(`${p.web.url}/projekte/${slug}/`)).status, slug).toBe(200);
  });
});

/** The publisher as its own process, as `pnpm publisher` runs it, with its site root; `lines` gets its log. */
function startPublisher(root: string, port: number, lines?: string[]): ChildProcess {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts', 'src', 'publisher.ts')], {
    env: {
      ...process.env,
      STRAPI_URL: pipeline.strapi.url,
      STRAPI_BUILD_TOKEN: pipeline.strapi.buildToken,
      PUBLISHER_WEBHOOK_SECRET: pipeline.secret,
      SITE_URL,
      IKZ_SITE_ROOT: root,
      PUBLISHER_PORT: String(port),
      IKZ_FULL_BUILD_AT: 'off',
      IKZ_PROJECTS_PER_BUNDLE: String(PROJECTS_PER_BUNDLE),
      PREVIEW_SECRET: '',
      STRAPI_PREVIEW_TOKEN: '',
    },
    stdio: ['ignore', lines ? 'pipe' : 'ignore', 'ignore'],
  });
  let rest = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    lines!.push(...parts);
  });
  return child;
}

/** Stops a publisher started by startPublisher and waits until it is gone. */
async function stopPublisher(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((res) => child.once('exit', res));
  child.kill(signal);
  await exited;
}

const status = async (port: number) =>
  (await fetch(`http://127.0.0.1:${port}/status`)).json() as Promise<{
    state: string;
    live: string | null;
    lastBuild: { result: string } | null;
    builds: number;
  }>;

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (
    !(await Promise.resolve()
      .then(check)
      .catch(() => false))
  ) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('a build killed in the middle', () => {
  it('leaves the live release untouched, and the next publish recovers', async () => {
    const root = path.join(pipeline.strapi.tmp, 'killed');
    const port = await freePort();
    const r = releases(root);
    let child = startPublisher(root, port);
    await until(async () => (await status(port)).live !== null && (await status(port)).state === 'idle');
    const live = currentRelease(r)!;
    const liveIndex = fs.readFileSync(path.join(currentDir(r), 'index.html'), 'utf8');

    await fetch(`http://127.0.0.1:${port}/build?full=1`, {
      method: 'POST',
      headers: { [SECRET_HEADER]: pipeline.secret },
    });
    await until(() => listReleases(r).length > 1);
    await new Promise((res) => setTimeout(res, 150));
    await stopPublisher(child, 'SIGKILL');
    const unfinished = listReleases(r).find((id) => id !== live)!;
    expect(unfinished).toBeDefined();
    expect(currentRelease(r)).toBe(live);
    const web = await serveStatic(() => currentDir(r));
    try {
      const response = await fetch(`${web.url}/`);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(liveIndex);
    } finally {
      await web.close();
    }

    const [project] = (
      await pipeline.seed.findPage<{ documentId: string; slug: string }>('projects', 1, { fields: ['slug'] })
    ).data;
    await pipeline.seed.request('PUT', `/api/projects/${project!.documentId}`, {
      body: { data: { summary: 'Nach dem abgebrochenen Neubau veröffentlichte Kurzbeschreibung.' } },
    });
    child = startPublisher(root, port);
    try {
      await until(async () => {
        const s = await status(port);
        return s.state === 'idle' && s.live !== live && s.lastBuild?.result === 'success';
      });
      expect(listReleases(r)).not.toContain(unfinished);
      const html = fs.readFileSync(path.join(currentDir(r), 'projekte', project!.slug, 'index.html'), 'utf8');
      expect(html).toContain('Nach dem abgebrochenen Neubau veröffentlichte Kurzbeschreibung.');
      // The restarted publisher's search index is empty: it loads only the bundle this build changed (the
      // projects' part that holds the project) and takes the others from the previous release as they are (the
      // release check counted every bundle's pages before it went live).
      const entry = (id: string, bundle: string) =>
        fs.statSync(path.join(r.releasesDir, id, bundle, 'pagefind-entry.json')).ino;
      const now = currentRelease(r)!;
      const bundles = fs.readdirSync(path.join(r.releasesDir, live)).filter((name) => name.startsWith('pagefind'));
      expect(bundles.filter((name) => name.startsWith('pagefind-dokumente-')).sort()).toEqual([
        'pagefind-dokumente-aktuell',
        'pagefind-dokumente-archiv',
      ]);
      const partOfProject = bundles.filter((bundle) => {
        const finder = path.join(r.releasesDir, live, bundle, FINDER_FILE);
        return (
          fs.existsSync(finder) &&
          decodeFinderFile(fs.readFileSync(finder, 'utf8')).some((p) => p.url === `/projekte/${project!.slug}/`)
        );
      });
      expect(partOfProject).toHaveLength(1);
      // The projects are split (IKZ_PROJECTS_PER_BUNDLE below): more than one part, and only one is written.
      expect(
        bundles.filter((name) => name === 'pagefind' || name.startsWith('pagefind-projekte-')).length,
      ).toBeGreaterThan(1);
      for (const bundle of bundles.filter((name) => name !== 'pagefind-weitere'))
        if (bundle === partOfProject[0]) expect(entry(now, bundle), bundle).not.toBe(entry(live, bundle));
        else expect(entry(now, bundle), bundle).toBe(entry(live, bundle));
    } finally {
      await stopPublisher(child);
    }
  });
});

describe('a publisher restarted after Strapi changed meanwhile', () => {
  type LogRecord = { msg?: string; detail?: string; content?: { read: number }; release?: string };
  const records = (lines: string[]) =>
    lines.flatMap((line) => (line.startsWith('{') ? [JSON.parse(line) as LogRecord] : []));
  const entriesLoaded = (lines: string[]) =>
    Number(
      /loaded \((\d+) entries/.exec(
        records(lines).find((r) => r.detail?.startsWith('content store of'))?.detail ?? '',
      )?.[1],
    );

  /** Runs the publisher until its first build after the start went live; returns its log. */
  async function runOnce(root: string, port: number, before: string | null): Promise<string[]> {
    const lines: string[] = [];
    const child = startPublisher(root, port, lines);
    try {
      await until(async () => {
        const s = await status(port);
        return s.state === 'idle' && s.live !== before && s.lastBuild?.result === 'success';
      });
    } finally {
      await stopPublisher(child);
    }
    return lines;
  }

  it('reads only what changed while it was stopped, and builds what a full build does', async () => {
    const p = pipeline;
    const root = path.join(p.strapi.tmp, 'restarted');
    const port = await freePort();
    const r = releases(root);
    const storeFile = path.join(root, 'content-store.json');
    await runOnce(root, port, null);
    expect(fs.existsSync(storeFile)).toBe(true);
    const first = currentRelease(r);

    // While it is stopped: a project changed, one created, a document unpublished, an event deleted, and a
    // topic renamed (the entries that show it change with it).
    const jwt = await adminJwt(p.strapi);
    const projects = (
      await p.seed.findPage<{ documentId: string; slug: string }>('projects', 1, { fields: ['slug'], sort: ['id:asc'] })
    ).data;
    await p.seed.request('PUT', `/api/projects/${projects[0]!.documentId}`, {
      body: { data: { summary: 'Während der Publisher ruhte geänderte Kurzbeschreibung.' } },
    });
    const [document] = (
      await p.seed.findPage<{ documentId: string; slug: string }>('documents', 1, { fields: ['slug'] })
    ).data;
    expect(await adminAction(p.strapi, jwt, 'api::document.document', document!.documentId, 'unpublish')).toBe(200);
    const [event] = (await p.seed.findPage<{ documentId: string; slug: string }>('events', 1, { fields: ['slug'] }))
      .data;
    await p.seed.request('DELETE', `/api/events/${event!.documentId}`);
    const [topic] = (await p.seed.findPage<{ documentId: string; name: string }>('topics', 1, { fields: ['name'] }))
      .data;
    await p.seed.request('PUT', `/api/topics/${topic!.documentId}`, {
      body: { data: { name: `${topic!.name} Ruhepause` } },
    });
    const [lead] = (await p.seed.findPage<{ documentId: string }>('municipalities', 1)).data;
    const created = await p.seed.request<{ data: { slug: string } }>('POST', '/api/projects', {
      body: {
        data: {
          title: 'Ruhepause Projekt',
          summary: 'Ein Projekt, das angelegt wurde, während der Publisher ruhte.',
          cooperationForm: 'Sonstige',
          projectStatus: 'Planung',
          bestPractice: false,
          topics: [topic!.documentId],
          leadMunicipality: lead!.documentId,
        },
      },
    });

    const lines = await runOnce(root, port, first);
    const loaded = entriesLoaded(lines);
    expect(loaded).toBeGreaterThan(100);
    const live = records(lines).find((record) => record.msg === 'release live')!;
    // The five changes and the entries that show the topic – not all content.
    expect(live.content!.read).toBeGreaterThan(3);
    expect(live.content!.read).toBeLessThan(loaded / 2);
    const dir = currentDir(r);
    expect(fs.readFileSync(path.join(dir, 'projekte', projects[0]!.slug, 'index.html'), 'utf8')).toContain(
      'Während der Publisher ruhte geänderte Kurzbeschreibung.',
    );
    expect(fs.existsSync(path.join(dir, 'projekte', created.data.slug, 'index.html'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'dokumente', document!.slug, 'index.html'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'veranstaltungen', event!.slug, 'index.html'))).toBe(false);
    await expectOutputOfFullBuild(dir, 'full-after-restart', 'after a restart');

    // A store newer than Strapi (as after restoring an older database) is not trusted: all content is read.
    const saved = JSON.parse(fs.readFileSync(storeFile, 'utf8')) as {
      state: { entries: [string, { entry: Record<string, unknown> }[]][] };
    };
    const stored = saved.state.entries
      .find(([type]) => type === 'project')![1]
      .find((s) => s.entry.documentId === projects[1]!.documentId)!;
    Object.assign(stored.entry, { title: 'Veralteter Titel aus der Sicherung', updatedAt: '2099-01-01T00:00:00.000Z' });
    fs.writeFileSync(storeFile, JSON.stringify(saved));
    const again = await runOnce(root, port, currentRelease(r));
    expect(records(again).some((record) => record.detail?.includes('newer than Strapi'))).toBe(true);
    expect(records(again).find((record) => record.msg === 'release live')!.content!.read).toBeGreaterThanOrEqual(
      entriesLoaded(again),
    );
    expect(
      fs.readFileSync(path.join(currentDir(r), 'projekte', projects[1]!.slug, 'index.html'), 'utf8'),
    ).not.toContain('Veralteter Titel');
  });
});

describe('the first build of a builder that knows no search bundle yet (as after a restart)', () => {
  it("loads the changed project's bundle from the base release while it collects, and builds what a full build does", async () => {
    const p = pipeline;
    const tmp = path.join(p.strapi.tmp, 'warm');
    const options = {
      strapiUrl: p.strapi.url,
      token: p.strapi.buildToken,
      siteUrl: SITE_URL,
      cacheDir: path.join(tmp, 'cache'),
      projectsPerBundle: PROJECTS_PER_BUNDLE,
    };
    const first = createSiteBuilder(options);
    const baseDir = path.join(tmp, 'base');
    let manifest;
    try {
      ({ manifest } = await first.build({ outDir: baseDir, base: null }));
    } finally {
      await first.close();
    }
    // A project of the second part changes; a builder that has loaded no bundle publishes it.
    const url = Object.keys(manifest.searchable).find((u) => manifest.searchable[u] === 'projekte-2')!;
    const slug = url.split('/')[2]!;
    const [project] = (
      await p.seed.findPage<{ documentId: string }>('projects', 1, { filters: { slug: { $eq: slug } } })
    ).data;
    await p.seed.request('PUT', `/api/projects/${project!.documentId}`, {
      body: { data: { summary: 'Nach dem Neustart geänderte Kurzbeschreibung Warmstartprobe.' } },
    });
    const restarted = createSiteBuilder(options);
    const outDir = path.join(tmp, 'next');
    let report;
    try {
      ({ report } = await restarted.build({
        outDir,
        base: { dir: baseDir, manifest },
        changes: [{ type: 'project', documentId: project!.documentId }],
      }));
    } finally {
      await restarted.close();
    }
    expect(report.kind).toBe('incremental');
    expect(report.phases['search-warm']).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(outDir, 'projekte', slug, 'index.html'), 'utf8')).toContain('Warmstartprobe');
    const fullDir = await expectOutputOfFullBuild(outDir, 'full-after-warm', 'after a build that loaded ahead');
    const [fromNext, fromFull] = [await serveStatic(outDir), await serveStatic(fullDir)];
    try {
      const queries = ['Warmstartprobe', 'Kooperation', 'Satzung'];
      const results = await searchResults(browser, fromNext.url, queries);
      expect(results.Warmstartprobe).toContain(url);
      expect(results).toEqual(await searchResults(browser, fromFull.url, queries));
    } finally {
      await fromNext.close();
      await fromFull.close();
    }
  });
});
