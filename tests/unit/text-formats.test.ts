/** Text typed (or pasted) by editors with line breaks and control characters, through every text format the site writes. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { routes } from '@ikz/shared-types/routes';
import { calendar } from '@ikz/site/lib/calendar';
import { icalText, multiLine, singleLine, xmlText } from '@ikz/site/lib/plain-text';
import type { SiteNewsletter, SiteProject } from '@ikz/site/lib/types';
import { buildContent } from '@ikz/site/model/content';
import { dataFile } from '@ikz/site/model/files';
import { siteEvent } from '../support/site-event.ts';

const SITE = 'https://www.interkommunales.example';
/** A title that tries to end the calendar's name and add an event of its own. */
const FORGED = 'Jahrestagung\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Gefälscht\r\nEND:VEVENT\nX-TEST:1\rX-TEST:2';
/** Every C0 control character, DEL, C1, lone surrogates and the two non-characters XML forbids. */
const CONTROLS = `${Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')}\u007f\u0085\u009f\udfff\ud800\ufffe\uffff Ende`;

describe('plain text helpers', () => {
  it('keeps what XML allows and removes everything else', () => {
    expect(xmlText('Äöü ß – „Zitat“ 😀 \t\n\r')).toBe('Äöü ß – „Zitat“ 😀 \t\n\r');
    expect(xmlText(CONTROLS)).toBe('\t\n\r Ende');
    expect(xmlText('a\u0000b\u000bc\u001bd')).toBe('abcd');
  });

  it('puts one-line text on one line and keeps the line breaks of longer text', () => {
    expect(singleLine('A\r\nB\rC\nD\u2028E\u2029F\u0085G\tH')).toBe('A B C D E F G H');
    expect(singleLine(CONTROLS)).toBe('     Ende');
    expect(multiLine(CONTROLS)).toBe('\t\n\n\n Ende');
    expect(multiLine('A\r\nB\rC\u0007')).toBe('A\nB\nC');
    expect(icalText('a;b,c\\d\r\ne')).toBe('a\\;b\\,c\\\\d e');
  });
});

const vevents = (text: string) =>
  Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT') as VEvent[];

describe('iCalendar with hostile text', () => {
  const hostile = siteEvent({
    title: FORGED,
    summary: `Zusammenfassung\r\nBEGIN:VEVENT${CONTROLS}`,
    place: {
      venue: 'Halle\r\nBEGIN:VEVENT',
      street: 'Ostring 1;2,3',
      postalCode: '59065',
      city: `Hamm${CONTROLS}`,
    } as never,
  });

  it('writes one event per event, whatever its texts hold', () => {
    for (const text of [
      calendar([hostile], SITE, hostile.title),
      calendar([hostile, siteEvent({ documentId: 'e2', slug: 'zwei' })], SITE, 'Interkommunales.NRW – Veranstaltungen'),
    ]) {
      const events = vevents(text);
      expect(events.length).toBe(text.includes('zwei') ? 2 : 1);
      expect(text.match(/^BEGIN:VEVENT\r$/gm)?.length).toBe(events.length);
      expect(text.match(/^BEGIN:VCALENDAR\r$/gm)?.length).toBe(1);
      expect(text.match(/^END:VCALENDAR\r?$/gm)?.length).toBe(1);
      expect(text).not.toMatch(/^(SUMMARY:Gefälscht|X-TEST)/m);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
    }
  });

  it('keeps the texts, on one line where the property is one line', () => {
    const text = calendar([hostile], SITE, hostile.title);
    const [parsed] = vevents(text);
    expect(parsed!.summary).toBe(
      'Jahrestagung END:VCALENDAR BEGIN:VEVENT SUMMARY:Gefälscht END:VEVENT X-TEST:1 X-TEST:2',
    );
    expect(parsed!.location).toBe('Halle BEGIN:VEVENT, Ostring 1;2,3, 59065 Hamm     Ende');
    expect(String(parsed!.description)).toContain('Zusammenfassung\nBEGIN:VEVENT');
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain(
      '\r\nX-WR-CALNAME:Jahrestagung END:VCALENDAR BEGIN:VEVENT SUMMARY:Gefälscht END:VEVENT X-TEST:1 X-TEST:2\r\n',
    );
    expect(unfolded).toContain('\r\nNAME:Jahrestagung END:VCALENDAR');
  });
});

describe('feeds and sitemaps with hostile text', () => {
  const project = (n: number, title: string): SiteProject =>
    ({
      id: n,
      documentId: `p${n}`,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
      publishedAt: `2026-01-0${n}T00:00:00.000Z`,
      title,
      slug: `projekt-${n}`,
      summary: `Kurz${CONTROLS}`,
      cooperationForm: 'Zweckverband',
      projectStatus: 'in Betrieb',
      bestPractice: false,
      topics: [{ documentId: 't1', name: `Bauhof${CONTROLS}`, slug: 'bauhof' }],
      municipalities: [],
      leadMunicipality: null,
      image: null,
    }) as unknown as SiteProject;
  const newsletter = (n: number, title: string): SiteNewsletter =>
    ({
      id: n,
      documentId: `n${n}`,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      publishedAt: '2026-01-01T00:00:00.000Z',
      title,
      slug: `ausgabe-${n}`,
      year: 2026,
      number: n,
      sentAt: `2026-0${n}-01`,
      editorial: null,
      sections: [{ heading: `Termine${CONTROLS}` }],
      pdf: null,
    }) as unknown as SiteNewsletter;
  const content = buildContent(
    {
      projects: [project(1, `Erstes${CONTROLS}`), project(2, FORGED), project(3, 'Drittes <b>&amp;</b>')],
      documents: [],
      newsletters: [newsletter(1, `Newsletter I${CONTROLS}`), newsletter(2, 'Newsletter II / 2026')],
      events: [],
      topics: [],
      municipalities: [],
    },
    new Date('2026-11-01T00:00:00Z'),
  );
  const parser = new XMLParser({ ignoreAttributes: false });
  const feed = async (url: string) => {
    const file = await dataFile(content, routes.match(url)!, { siteUrl: SITE, sitemapUrls: [], env: {} });
    expect(XMLValidator.validate(file!.body), url).toBe(true);
    return parser.parse(file!.body) as {
      rss: { channel: { item: { title: string; link: string; description: string; category?: string | string[] }[] } };
    };
  };

  it('writes a project feed that parses and has exactly its items', async () => {
    const items = (await feed(routes.url('projectFeed'))).rss.channel.item;
    expect(items.map((i) => i.link)).toEqual([3, 2, 1].map((n) => `${SITE}/projekte/projekt-${n}/`));
    expect(items.map((i) => i.title)).toEqual([
      'Drittes <b>&amp;</b>',
      'Jahrestagung END:VCALENDAR BEGIN:VEVENT SUMMARY:Gefälscht END:VEVENT X-TEST:1 X-TEST:2',
      'Erstes     Ende',
    ]);
    expect(items[2]!.description).toBe('Kurz\t\n\n\n Ende');
    expect(items[2]!.category).toBe('Bauhof     Ende');
  });

  it('writes a newsletter feed that parses and has exactly its items', async () => {
    const items = (await feed(routes.url('newsletterFeed'))).rss.channel.item;
    expect(items.map((i) => i.title)).toEqual(['Newsletter II / 2026', 'Newsletter I     Ende']);
    expect(items[1]!.description).toBe('Termine     Ende');
  });

  it('writes a sitemap that parses, whatever the URLs hold', async () => {
    const file = await dataFile(content, routes.match(routes.url('sitemap', { n: 0 }))!, {
      siteUrl: SITE,
      sitemapUrls: ['/projekte/projekt-1/', `/a${CONTROLS}/`],
      env: {},
    });
    expect(XMLValidator.validate(file!.body)).toBe(true);
    const locs = (parser.parse(file!.body) as { urlset: { url: { loc: string }[] } }).urlset.url.map((u) => u.loc);
    expect(locs).toHaveLength(2);
    expect(locs[0]).toBe(`${SITE}/projekte/projekt-1/`);
  });
});
