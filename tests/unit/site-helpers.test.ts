import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { escapeHtml } from '@ikz/shared-types/html';
import { blocksToText, renderBlocks } from '@ikz/site/lib/blocks';
import { calendar, location } from '@ikz/site/lib/calendar';
import { kreiseOfProject, projectsPerKreis, splitEvents, typeSlug } from '@ikz/site/lib/collections';
import { formatBytes, formatDate, formatDateTime, formatEventTime } from '@ikz/site/lib/format';
import { localPath, toDownload, type AssetSources } from '@ikz/site/lib/media';
import { csvCell, PROJECT_FIELDS, projectRecord, toCsv } from '@ikz/site/lib/open-data';
import { partitionEntries } from '@ikz/site/snapshot/entries';
import type { SiteEvent, SiteProject } from '@ikz/site/lib/types';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { siteEvent } from '../support/site-event.ts';

describe('renderBlocks', () => {
  it('escapes every text and keeps structure', () => {
    const html = renderBlocks([
      { type: 'heading', level: 1, children: [{ type: 'text', text: 'Ziel & Zweck' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: '<script>x</script>', bold: true },
          { type: 'text', text: ' danach' },
        ],
      },
      {
        type: 'list',
        format: 'ordered',
        children: [{ type: 'list-item', children: [{ type: 'text', text: 'eins' }] }],
      },
    ]);
    expect(html).toBe(
      '<h3>Ziel &amp; Zweck</h3>\n<p><strong>&lt;script&gt;x&lt;/script&gt;</strong> danach</p>\n<ol><li>eins</li></ol>',
    );
  });

  it('keeps safe links and drops dangerous ones', () => {
    const link = (url: string) =>
      renderBlocks([
        { type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', text: 'hier' }] } as never] },
      ]);
    expect(link('https://www.land.nrw/')).toBe('<p><a href="https://www.land.nrw/" rel="noopener">hier</a></p>');
    expect(link('/projekte/')).toBe('<p><a href="/projekte/">hier</a></p>');
    expect(link('javascript:alert(1)')).toBe('<p>hier</p>');
    expect(link('//evil.example/')).toBe('<p>hier</p>');
    expect(link('/\\evil.example/')).toBe('<p>hier</p>');
  });

  it('renders nothing for empty input and plain text for feeds', () => {
    expect(renderBlocks(null)).toBe('');
    expect(renderBlocks([{ type: 'paragraph', children: [{ type: 'text', text: '' }] }])).toBe('');
    expect(
      blocksToText([
        { type: 'paragraph', children: [{ type: 'text', text: 'A' }] },
        { type: 'paragraph', children: [{ type: 'text', text: 'B' }] },
      ]),
    ).toBe('A\nB');
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
  });
});

describe('German formatting in Europe/Berlin', () => {
  it('formats dates without shifting calendar days', () => {
    expect(formatDate('2026-03-01')).toBe('1. März 2026');
    expect(formatDate('2026-12-31T23:30:00Z')).toBe('1. Januar 2027');
    expect(formatDateTime('2026-07-01T08:00:00Z')).toBe('1. Juli 2026, 10:00 Uhr');
  });

  it('describes event times on one or several days', () => {
    expect(formatEventTime('2026-09-24T08:00:00Z', '2026-09-24T14:30:00Z')).toBe(
      'Donnerstag, 24. September 2026, 10:00 bis 16:30 Uhr',
    );
    expect(formatEventTime('2026-09-24T08:00:00Z', '2026-09-25T14:30:00Z')).toBe(
      'Donnerstag, 24. September 2026, 10:00 Uhr bis Freitag, 25. September 2026, 16:30 Uhr',
    );
  });

  it('formats file sizes', () => {
    expect(formatBytes(512)).toBe('512 Byte');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1,5 MB');
  });
});

const project = (over: Partial<SiteProject> = {}): SiteProject =>
  ({
    id: 1,
    documentId: 'p1',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    publishedAt: '2026-01-02T00:00:00.000Z',
    title: 'Bauhof, „gemeinsam“',
    slug: 'bauhof',
    summary: 'Zeile 1\nZeile "2"',
    keywords: null,
    cooperationForm: 'Zweckverband',
    projectStatus: 'in Betrieb',
    startYear: 2020,
    endYear: null,
    occasion: null,
    goal: null,
    implementation: null,
    results: null,
    bestPractice: true,
    imageAlt: null,
    reviewedAt: '2026-01-01',
    image: null,
    leadMunicipality: {
      documentId: 'm1',
      name: 'Detmold',
      ags: '05766020',
      kind: 'Kreisangehörige Stadt',
      kreisAgs: '05766',
    },
    municipalities: [
      { documentId: 'm2', name: 'Lemgo', ags: '05766044', kind: 'Kreisangehörige Stadt', kreisAgs: '05766' },
      { documentId: 'm3', name: 'Bielefeld', ags: '05711000', kind: 'Kreisfreie Stadt', kreisAgs: '05711' },
    ],
    topics: [{ documentId: 't', name: 'Bauhof und Fuhrpark' }],
    funding: { programme: 'Förderrichtlinie IKZ NRW', amount: 50000, authority: null, year: null },
    ...over,
  }) as SiteProject;

describe('open data', () => {
  it('maps a project to the documented fields', () => {
    const record = projectRecord(project(), 'https://www.interkommunales.example');
    expect(Object.keys(record)).toEqual(PROJECT_FIELDS.map(([name]) => name));
    expect(record).toMatchObject({
      url: 'https://www.interkommunales.example/projekte/bauhof/',
      municipalitiesAgs: ['05766044', '05711000'],
      fundingAmount: 50000,
    });
  });

  it('writes RFC 4180 CSV', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('sagt "ja"')).toBe('"sagt ""ja"""');
    expect(csvCell(['A', 'B'])).toBe('A; B');
    expect(csvCell(null)).toBe('');
  });

  it.each([
    ['=HYPERLINK("https://evil.example","klick")', `"'=HYPERLINK(""https://evil.example"",""klick"")"`],
    ['+49 2381 1234', `"'+49 2381 1234"`],
    ['-1+1', `"'-1+1"`],
    ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
  ])('defuses the formula %j in CSV', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
    expect(csvCell([text, 'B'])).toBe(cell.replace(/"$/, '; B"'));
  });

  it('keeps numbers, booleans and ordinary text as they are', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(2024)).toBe('2024');
    expect(csvCell(false)).toBe('false');
    expect(csvCell('Bauhof – gemeinsam')).toBe('Bauhof – gemeinsam');
    const csv = toCsv([projectRecord(project(), 'https://x.example')]);
    const [header, row, end] = csv.split('\r\n');
    expect(header!.split(',')).toHaveLength(PROJECT_FIELDS.length);
    expect(row).toContain('"Zeile 1\nZeile ""2"""');
    expect(end).toBe('');
  });
});

describe('collections', () => {
  it('counts projects per Kreis, with kreisfreie Städte as their own', () => {
    expect([...kreiseOfProject(project())].sort()).toEqual(['05711', '05766']);
    const counts = projectsPerKreis([
      project(),
      project({ leadMunicipality: { documentId: 'k', ags: '05766', kind: 'Kreis' }, municipalities: [] }),
    ]);
    expect(Object.fromEntries(counts)).toEqual({ '05766': 2, '05711': 1 });
  });

  it('splits events into upcoming and past', () => {
    const e = (startsAt: string, endsAt: string) => ({ startsAt, endsAt });
    const { upcoming, past } = splitEvents(
      [
        e('2026-01-01T10:00:00Z', '2026-01-01T12:00:00Z'),
        e('2026-06-01T10:00:00Z', '2026-06-01T12:00:00Z'),
        e('2026-03-01T10:00:00Z', '2026-03-03T12:00:00Z'),
      ],
      new Date('2026-03-02T00:00:00Z'),
    );
    expect(upcoming.map((x) => x.startsAt)).toEqual(['2026-03-01T10:00:00Z', '2026-06-01T10:00:00Z']);
    expect(past.map((x) => x.startsAt)).toEqual(['2026-01-01T10:00:00Z']);
  });

  it('slugs document types', () => {
    expect(typeSlug('Beschlussvorlage/Ratsbeschluss')).toBe('beschlussvorlage-ratsbeschluss');
    expect(typeSlug('öffentlich-rechtliche Vereinbarung')).toBe('oeffentlich-rechtliche-vereinbarung');
  });
});

describe('loader entries', () => {
  const schema = z.object({ documentId: z.string(), title: z.string(), year: z.number() });

  it('keeps valid entries and reports invalid ones with type, documentId and fields', () => {
    const { valid, invalid } = partitionEntries(
      'projects',
      [{ documentId: 'a', title: 'A', year: 1 }, { documentId: 'b', title: 'Kaputt', year: 'x' }, null],
      schema,
    );
    expect(valid.map((v) => v.documentId)).toEqual(['a']);
    expect(invalid).toHaveLength(2);
    expect(invalid[0]).toMatchObject({ type: 'projects', documentId: 'b', title: 'Kaputt', fields: ['year'] });
    expect(invalid[1]!.documentId).toBe('(ohne documentId)');
  });
});

describe('downloads', () => {
  it('names files readably and by version', () => {
    expect(
      localPath({
        name: 'Satzung Zweckverband Müll.pdf',
        ext: '.pdf',
        hash: 'satzung_abc123def456',
        url: '/uploads/x.pdf',
      }),
    ).toBe('/dateien/satzung-zweckverband-muell-c123def456.pdf');
    expect(localPath({ name: '..', ext: '.PDF', hash: undefined, url: '/uploads/x.pdf' })).toBe('/dateien/datei.pdf');
  });

  it('records where each local file comes from', () => {
    const sources: AssetSources = new Map();
    const d = toDownload(
      {
        id: 1,
        name: 'a.pdf',
        alternativeText: null,
        caption: null,
        width: null,
        height: null,
        formats: null,
        hash: 'h1',
        ext: '.pdf',
        mime: 'application/pdf',
        size: 2.5,
        url: '/uploads/a.pdf',
      },
      'http://127.0.0.1:1337/',
      sources,
    );
    expect(d).toEqual({ url: '/dateien/a-h1.pdf', name: 'a.pdf', mime: 'application/pdf', bytes: 2560, label: 'PDF' });
    expect([...sources]).toEqual([['/dateien/a-h1.pdf', 'http://127.0.0.1:1337/uploads/a.pdf']]);
  });
});

describe('calendar', () => {
  const event = siteEvent({ summary: 'Treffen, Vorträge; Austausch', eventStatus: 'abgesagt' });

  it('writes an iCalendar file that parses, with status and place', () => {
    const parsed = Object.values(
      ical.sync.parseICS(calendar([event], 'https://www.interkommunales.example/', 'Test')),
    ).filter((c) => c?.type === 'VEVENT') as VEvent[];
    expect(parsed).toHaveLength(1);
    expect(parsed[0]!.summary).toBe('Jahrestagung 2027');
    expect(new Date(parsed[0]!.start).toISOString()).toBe('2027-09-23T08:00:00.000Z');
    expect(parsed[0]!.location).toBe('Stadthalle, Ostring 1, 59065 Hamm');
    expect(parsed[0]!.status).toBe('CANCELLED');
    expect(JSON.stringify(parsed[0]!.url)).toContain('/veranstaltungen/jahrestagung-2027/');
    expect(location({ ...event, place: null, online: { platform: 'Webex', url: null } } as SiteEvent)).toBe(
      'Online (Webex)',
    );
  });
});

describe('feeds', async () => {
  const { newsletterItems, projectItems } = await import('@ikz/site/lib/feeds');
  it('lists the newest projects first, with their topics', () => {
    const items = projectItems([
      project({ slug: 'alt', publishedAt: '2025-01-01T00:00:00Z' }),
      project({ slug: 'neu', publishedAt: '2026-05-01T00:00:00Z' }),
    ]);
    expect(items.map((i) => i.link)).toEqual(['/projekte/neu/', '/projekte/alt/']);
    expect(items[0]!.categories).toEqual(['Bauhof und Fuhrpark']);
    expect(projectItems(Array.from({ length: 80 }, (_, i) => project({ slug: `p${i}` }))).length).toBe(50);
  });

  it('lists newsletter issues by date with their sections', () => {
    const issue = (slug: string, sentAt: string) =>
      ({ slug, sentAt, title: slug, sections: [{ heading: 'Termine' }, { heading: 'Förderung' }] }) as never;
    const items = newsletterItems([issue('a', '2020-02-01'), issue('b', '2021-02-01')]);
    expect(items.map((i) => i.link)).toEqual(['/newsletter/b/', '/newsletter/a/']);
    expect(items[0]!.description).toBe('Termine · Förderung');
  });
});
