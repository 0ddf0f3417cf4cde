import fs from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fileTypeFromBuffer } from 'file-type';
import ical, { type VEvent } from 'node-ical';
import { describe, expect, inject, it } from 'vitest';
import { createStrapiClient } from '@ikz/shared-types/rest';
import { DRAFT_MARKER } from '@ikz/scripts/seed/generate';
import { listFiles } from './global-setup.ts';
import type { BuildReport } from '@ikz/shared-types/build-report';
import { FORMULA, HOSTILE, HOSTILE_FILES, PARTNER_SEARCHES, SITE_URL } from './fixtures.ts';

const dir = () => inject('siteDir');
const read = (rel: string) => fs.readFileSync(path.join(dir(), rel), 'utf8');
const exists = (rel: string) => fs.existsSync(path.join(dir(), rel));
/** Attribute values may contain "<" harmlessly; elements are what count. */
const withoutAttributeValues = (html: string) => html.replace(/(\s(?!type=)[\w:-]+)="[^"]*"/g, '$1=""');
const api = () => createStrapiClient({ baseUrl: inject('siteStrapiUrl') });

describe('build output', () => {
  it('has a page for every published entry', async () => {
    for (const [plural, prefix] of [
      ['projects', 'projekte'],
      ['documents', 'dokumente'],
      ['events', 'veranstaltungen'],
      ['newsletters', 'newsletter'],
      ['topics', 'themen'],
      ['municipalities', 'kommunen'],
      ['partner-searches', 'partnersuche'],
    ] as const) {
      const rows = await api().findAll<{ slug: string }>(plural, { fields: ['slug'] });
      expect(rows.length, plural).toBeGreaterThan(0);
      const missing = rows.filter((r) => !exists(`${prefix}/${r.slug}/index.html`)).map((r) => r.slug);
      expect(missing, `${plural} without a page`).toEqual([]);
    }
    const events = await api().findAll<{ slug: string }>('events', { fields: ['slug'] });
    for (const e of events) expect(exists(`veranstaltungen/${e.slug}.ics`)).toBe(true);
  });

  it('contains no draft and no unpublished edit anywhere', () => {
    const offenders = listFiles(dir()).filter(
      (file) => /\.(html|xml|json|csv|ics|txt|js)$/.test(file) && fs.readFileSync(file, 'utf8').includes(DRAFT_MARKER),
    );
    expect(offenders).toEqual([]);
  });

  it('copies every download into the output and links it locally', async () => {
    const docs = await api().findAll<{ slug: string; file: { url: string; mime: string } | null }>('documents', {
      populate: { file: true },
    });
    const withFile = docs.filter((d) => d.file && d.slug !== HOSTILE_FILES.document.slug);
    expect(withFile.length).toBeGreaterThan(10);
    for (const d of withFile) {
      const html = read(`dokumente/${d.slug}/index.html`);
      const href = /href="(\/dateien\/[^"]+\.pdf)"/.exec(html)?.[1];
      expect(href, d.slug).toBeDefined();
      expect(html).toMatch(/\(PDF, \d+(,\d)? (KB|Byte|MB)\)/);
      const file = path.join(dir(), href!);
      expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('optimises project images into modern formats with responsive sizes and alt text', async () => {
    const projects = await api().findAll<{ slug: string; image: { url: string } | null; imageAlt: string | null }>(
      'projects',
      { populate: { image: true }, fields: ['slug', 'imageAlt'] },
    );
    const withImage = projects.filter((p) => p.image && p.slug !== HOSTILE_FILES.projectSlug);
    expect(withImage.length).toBeGreaterThan(0);
    for (const p of withImage) {
      const html = read(`projekte/${p.slug}/index.html`);
      expect(html).toMatch(/<source[^>]+type="image\/webp"/);
      const srcset = /<source[^>]+srcset="([^"]+)"/.exec(html)![1]!;
      expect(srcset.split(',').length).toBeGreaterThanOrEqual(2);
      for (const candidate of srcset.split(',')) expect(exists(candidate.trim().split(' ')[0]!)).toBe(true);
      expect(html).toContain(`alt="${p.imageAlt}"`);
    }
  });

  it('holds under /dateien/ and /bilder/ only files of an allowed type, detected from their bytes, with the extension of that type', async () => {
    /** Extension → what a file with it must be (file-type's answer; CSV is text, which it does not detect). */
    const allowed: Record<string, string | null> = {
      pdf: 'pdf',
      jpg: 'jpg',
      png: 'png',
      webp: 'webp',
      avif: 'avif',
      doc: 'cfb',
      xls: 'cfb',
      ppt: 'cfb',
      docx: 'docx',
      xlsx: 'xlsx',
      pptx: 'pptx',
      odt: 'odt',
      ods: 'ods',
      zip: 'zip',
      csv: null,
    };
    const images: Record<string, string> = { webp: 'webp', jpg: 'jpg', png: 'png' };
    const checked: string[] = [];
    for (const folder of ['dateien', 'bilder']) {
      for (const file of listFiles(path.join(dir(), folder))) {
        const ext = path.extname(file).slice(1);
        const rule = folder === 'bilder' ? images : allowed;
        expect(ext in rule, file).toBe(true);
        const detected = await fileTypeFromBuffer(fs.readFileSync(file));
        expect(detected?.ext ?? null, file).toBe(rule[ext]);
        checked.push(folder);
      }
    }
    expect(checked.filter((f) => f === 'dateien').length).toBeGreaterThan(10);
    expect(checked.filter((f) => f === 'bilder').length).toBeGreaterThan(2);
  });

  it('publishes a document whose file is not what its name says without the file, and names it in the build report', () => {
    const html = read(`dokumente/${HOSTILE_FILES.document.slug}/index.html`);
    expect(html).toContain(`<h1>${HOSTILE_FILES.document.title}</h1>`);
    expect(html).toContain('Die Datei zu diesem Dokument ist derzeit nicht verfügbar.');
    expect(html).not.toMatch(/href="\/dateien\//);
    expect(listFiles(path.join(dir(), 'dateien')).filter((f) => path.basename(f).startsWith('protokoll'))).toEqual([]);
    expect(listFiles(dir()).filter((f) => fs.readFileSync(f).includes(HOSTILE_FILES.documentBytes))).toEqual([]);
    const report = JSON.parse(inject('buildReport')) as BuildReport;
    expect(report.withheld).toEqual([
      expect.objectContaining({
        type: 'documents',
        title: HOSTILE_FILES.document.title,
        field: 'file',
        name: 'protokoll.pdf',
        detected: 'unbekannt',
      }),
      expect.objectContaining({
        type: 'projects',
        title: HOSTILE_FILES.project.title,
        field: 'image',
        detected: 'unbekannt',
      }),
    ]);
  });

  it('publishes a project whose image is not a raster image without the image', () => {
    const html = read(`projekte/${HOSTILE_FILES.projectSlug}/index.html`);
    expect(html).toContain(HOSTILE_FILES.project.summary);
    expect(html).not.toMatch(/<picture|src="\/bilder\//);
    expect(
      listFiles(dir()).filter((f) => /\.(svg|html?|js|xml)$/.test(f) && /[\\/](dateien|bilder)[\\/]/.test(f)),
    ).toEqual([]);
  });

  it('leaves no absolute URL of the Strapi host in the HTML', () => {
    const host = new URL(inject('siteStrapiUrl')).host;
    const offenders = listFiles(dir()).filter((f) => f.endsWith('.html') && fs.readFileSync(f, 'utf8').includes(host));
    expect(offenders).toEqual([]);
  });

  it('escapes markup and drops script links typed by editors', () => {
    const html = read(`projekte/${HOSTILE.slug}/index.html`);
    const markup = withoutAttributeValues(html);
    expect(html).toContain('Sicherheitstest &lt;script&gt;alert(&quot;titel&quot;)&lt;/script&gt; &amp; „Zitat“ äöüß');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;b&gt;kein Fettdruck&lt;/b&gt;');
    expect(markup).not.toMatch(/<script|<img src=x|<b>kein/);
    expect(html).not.toMatch(/href="\s*javascript:/i);
    expect(html).toContain('href="https://www.land.nrw/"');
  });

  it('shows a Partnersuche as text, with its reply form, on the list, its filter pages and its municipality', () => {
    const html = read(`partnersuche/${PARTNER_SEARCHES.hostile.slug}/index.html`);
    const markup = withoutAttributeValues(html);
    expect(html).toContain('Partnersuche &lt;script&gt;alert(&quot;ps&quot;)&lt;/script&gt; &amp; äöüß');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; bieten wir');
    expect(markup).not.toMatch(/<script>alert|<img src=x|<b>kein/);
    expect(html).toMatch(/<form id="antworten"[^>]*method="post" action="\/formulare\/partnersuche\/antworten"/);
    expect(html).toMatch(/<input type="hidden" name="entry" value="[a-z0-9]{20,}"/);
    expect(html).toContain('data-pagefind-filter="Inhalt">Partnersuche<');
    const list = read('partnersuche/index.html');
    for (const { slug } of [PARTNER_SEARCHES.plain, PARTNER_SEARCHES.hostile])
      expect(list).toContain(`href="/partnersuche/${slug}/"`);
    const filter = /href="(\/partnersuche\/regierungsbezirk\/[a-z-]+\/)"/.exec(list)![1]!;
    expect(read(`${filter.slice(1)}index.html`)).toContain(`href="/partnersuche/${PARTNER_SEARCHES.plain.slug}/"`);
    expect(list).toMatch(/href="\/partnersuche\/thema\/[a-z0-9-]+\/"/);
    const municipality = /<dt>Suchende Kommune<\/dt><dd><a href="\/(kommunen\/[a-z0-9-]+)\/"/.exec(
      read(`partnersuche/${PARTNER_SEARCHES.plain.slug}/index.html`),
    )![1]!;
    expect(read(`${municipality}/index.html`)).toContain(`href="/partnersuche/${PARTNER_SEARCHES.plain.slug}/"`);
    expect(read('partnersuche/eintragen/index.html')).toMatch(
      /<form id="eintrag"[^>]*action="\/formulare\/partnersuche\/senden"/,
    );
  });

  it('writes feeds that parse and list the content', async () => {
    for (const feed of ['projekte/feed.xml', 'newsletter/feed.xml', 'partnersuche/feed.xml']) {
      const xml = read(feed);
      expect(XMLValidator.validate(xml), feed).toBe(true);
      const parsed = new XMLParser().parse(xml);
      const items = [parsed.rss.channel.item].flat();
      expect(items.length, feed).toBeGreaterThan(0);
      for (const item of items) expect(item.link).toMatch(new RegExp(`^${SITE_URL}/`));
    }
    const newsletters = await api().findAll('newsletters', { fields: ['slug'] });
    expect([new XMLParser().parse(read('newsletter/feed.xml')).rss.channel.item].flat()).toHaveLength(
      newsletters.length,
    );
  });

  it('writes iCalendar files that parse, with the right times', async () => {
    const events = await api().findAll<{
      slug: string;
      title: string;
      startsAt: string;
      endsAt: string;
      documentId: string;
    }>('events', { fields: ['slug', 'title', 'startsAt', 'endsAt'] });
    for (const e of events) {
      const parsed = Object.values(ical.sync.parseICS(read(`veranstaltungen/${e.slug}.ics`))).filter(
        (c) => c?.type === 'VEVENT',
      ) as VEvent[];
      expect(parsed).toHaveLength(1);
      expect(parsed[0]!.summary).toBe(e.title);
      expect(new Date(parsed[0]!.start).toISOString()).toBe(new Date(e.startsAt).toISOString());
      expect(new Date(parsed[0]!.end!).toISOString()).toBe(new Date(e.endsAt).toISOString());
    }
    const feed = Object.values(ical.sync.parseICS(read('veranstaltungen/kalender.ics'))).filter(
      (c) => c?.type === 'VEVENT',
    ) as VEvent[];
    const upcoming = events.filter((e) => new Date(e.endsAt) >= new Date());
    expect(feed.map((e) => e.summary).sort()).toEqual(upcoming.map((e) => e.title).sort());
  });

  it('lists every page in the sitemap', () => {
    const parser = new XMLParser();
    const index = parser.parse(read('sitemap-index.xml'));
    const urls = [index.sitemapindex.sitemap]
      .flat()
      .flatMap((s: { loc: string }) =>
        [parser.parse(read(new URL(s.loc).pathname)).urlset.url].flat().map((u: { loc: string }) => u.loc),
      );
    const pages = listFiles(dir())
      .filter((f) => f.endsWith('index.html'))
      .map((f) =>
        `${SITE_URL}/${path.relative(dir(), path.dirname(f)).split(path.sep).join('/')}/`.replace(/\/\/$/, '/'),
      );
    expect(new Set(urls)).toEqual(new Set(pages));
    expect(read('robots.txt')).toContain(`Sitemap: ${SITE_URL}/sitemap-index.xml`);
  });

  it('publishes the open data with stable fields', async () => {
    const projects = await api().findAll<{ documentId: string }>('projects', { fields: ['title'] });
    const json = JSON.parse(read('daten/projekte.json'));
    expect(json.count).toBe(projects.length);
    expect(json.projects.map((p: { id: string }) => p.id).sort()).toEqual(projects.map((p) => p.documentId).sort());
    expect(Object.keys(json.projects[0])).toEqual([
      'id',
      'slug',
      'url',
      'title',
      'summary',
      'leadMunicipality',
      'leadMunicipalityAgs',
      'municipalities',
      'municipalitiesAgs',
      'topics',
      'cooperationForm',
      'status',
      'startYear',
      'endYear',
      'bestPractice',
      'fundingProgramme',
      'fundingAmount',
      'reviewedAt',
      'updatedAt',
    ]);
    const csv = read('daten/projekte.csv');
    expect(csv.split('\r\n')[0]).toBe(
      'id,slug,url,title,summary,leadMunicipality,leadMunicipalityAgs,municipalities,municipalitiesAgs,topics,cooperationForm,status,startYear,endYear,bestPractice,fundingProgramme,fundingAmount,reviewedAt,updatedAt',
    );
    expect(csv).toContain('"Sicherheitstest <script>alert(""titel"")</script> & „Zitat“ äöüß"');
  });

  it('defuses spreadsheet formulas in the CSV and keeps the JSON exact', () => {
    const csv = read('daten/projekte.csv');
    expect(csv).toContain(`"'${FORMULA.summary.replace(/"/g, '""')}"`);
    const cells = csv
      .split('\r\n')
      .slice(1)
      .flatMap((line) => line.split(','));
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    const json = JSON.parse(read('daten/projekte.json'));
    expect(json.projects.find((p: { title: string }) => p.title === FORMULA.title).summary).toBe(FORMULA.summary);
  });

  it('runs no inline script that the Content-Security-Policy would block (data blocks only)', () => {
    const inline = listFiles(dir())
      .filter((f) => f.endsWith('.html'))
      .flatMap((f) =>
        [...withoutAttributeValues(fs.readFileSync(f, 'utf8')).matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)].map(
          (m) => `${path.relative(dir(), f)}: <script${m[1]}>`,
        ),
      )
      .filter((tag) => !/type="application\/ld\+json"/.test(tag));
    expect(inline).toEqual([]);
  });

  it('links only to pages and files that exist (internal links of every page, MDX pages included)', () => {
    const broken = new Set<string>();
    for (const file of listFiles(dir()).filter((f) => f.endsWith('.html'))) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/\s(?:href|src)="(\/[^"#?]*)/g)) {
        const target = decodeURI(match[1]!);
        if (target.startsWith('//')) continue;
        const candidates = target.endsWith('/') ? [`${target}index.html`] : [target, `${target}/index.html`];
        if (!candidates.some((c) => exists(c.slice(1)))) broken.add(`${path.relative(dir(), file)} → ${target}`);
      }
    }
    expect([...broken].slice(0, 20)).toEqual([]);
  });

  it('publishes security.txt with a contact and an expiry in the future', () => {
    const text = read('.well-known/security.txt');
    expect(text).toMatch(/^Contact: (mailto:|https:)/m);
    const expires = /^Expires: (\S+)$/m.exec(text)?.[1];
    expect(new Date(expires!).getTime()).toBeGreaterThan(Date.now());
    expect(text).toContain(`Canonical: ${SITE_URL}/.well-known/security.txt`);
  });

  it('has the German 404 page, the MDX pages and the municipality index with its map', () => {
    expect(read('404.html')).toContain('Seite nicht gefunden');
    for (const page of [
      'ueber-uns',
      'beratung',
      'foerderung',
      'projekt-melden',
      'impressum',
      'datenschutz',
      'barrierefreiheit',
      'leichte-sprache',
    ]) {
      expect(read(`${page}/index.html`)).toContain('<html lang="de"');
    }
    const kommunen = read('kommunen/index.html');
    expect((kommunen.match(/<path /g) ?? []).length).toBe(53);
    expect(kommunen).toContain('© GeoBasis-DE / BKG 2021 (Daten verändert)');
  });

  it('loads no script on pages that need none (only search, project finder, the newsletter sign-up, the advisory request and the project report do)', () => {
    const partnerSearches = [PARTNER_SEARCHES.plain.slug, PARTNER_SEARCHES.hostile.slug, 'eintragen'].map(
      (slug) => `partnersuche/${slug}`,
    );
    const needScript = new Set(
      ['suche', 'projekte', 'newsletter', 'beratung', 'projekt-melden', ...partnerSearches].map((page) =>
        path.join(dir(), page, 'index.html'),
      ),
    );
    const withScript = listFiles(dir()).filter(
      (f) =>
        f.endsWith('.html') &&
        !needScript.has(f) &&
        /<script(?![^>]*application\/ld\+json)/.test(withoutAttributeValues(fs.readFileSync(f, 'utf8'))),
    );
    expect(withScript).toEqual([]);
  });
});
