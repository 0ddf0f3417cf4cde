/**
 * Readers' access, tried as an attacker would: every content type, every spelling of the API prefix,
 * arrays, repeated and encoded parameters, populate, filters, sort, search, nested relations, publication
 * filters and locales – as an anonymous caller and with the read-only build token. No response may contain
 * draft text, a pending edit or a private value, and no count may depend on a private field (such requests
 * are refused with 400).
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DRAFT_MARKER } from '@ikz/scripts/seed/generate';
import { client, seededPlan, tokens } from './helpers.ts';

const TYPES = ['projects', 'documents', 'newsletters', 'events', 'topics', 'municipalities'] as const;
type Plural = (typeof TYPES)[number];
const PREFIXES = ['/api', '/API', '/Api', '/aPi', '/apI'];

/** Asking for anything but the published version: always 403. */
const DRAFT_QUERIES = [
  'status=draft',
  'status=DRAFT',
  'status=Draft',
  'status[0]=draft',
  'status[]=draft',
  'status[1]=draft',
  'status=published&status=draft',
  'status=draft&status=published',
  '%73tatus=draft',
  'status=%64raft',
  'status=',
  'status[$ne]=published',
  'publicationState=preview',
  'publicationFilter=modified',
  'publicationFilter=never-published',
  'publicationFilter=has-published-version',
  'publicationFilter[0]=modified',
  'hasPublishedVersion=false',
  'hasPublishedVersion=true',
  'status=draft&locale=*',
];

/** Selecting or ordering by private fields, directly or through relations and components: always 400. */
const PRIVATE_QUERIES: Record<Plural, string[]> = {
  projects: [
    'filters[contacts][consent][$eq]=false',
    'filters[contacts][consent]=false',
    'filters[Contacts][Consent][$eq]=false',
    'filters[contacts][email][$startsWith]=a',
    'filters[contacts][email][$containsi]=example',
    'filters[contacts][phone][$null]=false',
    'filters[contacts][name][$eq]=x',
    'filters[$or][0][title][$eq]=x&filters[$or][1][contacts][consent][$eq]=false',
    'filters[$or][30][contacts][consent][$eq]=false',
    'filters[$not][contacts][consent][$eq]=true',
    'sort=contacts.email',
    'sort=contacts.consent:desc',
    'sort[0]=title&sort[1]=contacts.name:asc',
    'sort[contacts][email]=asc',
    'sort=title:asc,contacts.phone:desc',
    'populate[contacts][filters][consent][$eq]=false',
    'populate[contacts][sort]=email:asc',
    'filters[documents][projects][contacts][consent][$eq]=false',
  ],
  documents: [
    'filters[projects][contacts][consent][$eq]=false',
    'filters[projects][contacts][email][$startsWith]=a',
    'populate[projects][filters][contacts][consent][$eq]=false',
    'populate[projects][populate][contacts][filters][consent][$eq]=false',
    'sort=projects.contacts.email',
  ],
  newsletters: [
    'filters[sections][projects][contacts][consent][$eq]=false',
    'populate[sections][populate][projects][populate][contacts][filters][consent]=false',
  ],
  events: ['filters[documents][projects][contacts][consent][$eq]=false', 'filters[contacts][consent][$eq]=false'],
  topics: ['filters[contacts][consent][$eq]=false', 'sort=contacts.email'],
  municipalities: ['filters[contacts][consent][$eq]=false', 'sort=contacts.email'],
};

/** Legitimate or harmless queries: answered, but never with drafts or private values. */
const READER_QUERIES: Record<Plural, string[]> = {
  projects: [
    'populate=*',
    'populate[contacts]=*',
    'populate[contacts][fields][0]=email&populate[contacts][fields][1]=phone',
    'populate=contacts',
    'populate[0]=contacts&populate[1]=documents',
    'fields[0]=title&fields[1]=summary',
  ],
  documents: [
    'populate=*',
    'populate[projects][populate][contacts]=*',
    'populate=projects.contacts',
    'populate[projects][populate]=*',
  ],
  newsletters: ['populate=*', 'populate[sections][populate][projects][populate][contacts]=*'],
  events: ['populate=*', 'populate[documents][populate][projects][populate][contacts]=*'],
  topics: ['populate=*'],
  municipalities: ['populate=*'],
};
const COMMON_READER_QUERIES = [
  '',
  'locale=*',
  'locale=all',
  'locale=de',
  'locale[0]=*',
  `_q=${DRAFT_MARKER}`,
  'pagination[pageSize]=100',
  'status=published',
];

const CALLERS = [
  ['anonymous', () => undefined],
  ['build token', () => tokens.build],
] as const;

interface Probe {
  url: string;
  expect: number[];
  /** A list that must count exactly the published entries. */
  total?: number;
}

let privateValues: string[] = [];
let publishedCounts: Record<Plural, number>;
let draftIds: Record<Plural, string[]>;

beforeAll(async () => {
  const plan = await seededPlan();
  const contacts = plan.projects.filter((p) => !p.draft).flatMap((p) => p.contacts);
  const publicValues = new Set(contacts.filter((c) => c.consent).flatMap((c) => [c.email, c.phone]));
  privateValues = [...new Set(contacts.filter((c) => !c.consent).flatMap((c) => [c.email, c.phone]))].filter(
    (v) => !publicValues.has(v),
  );
  expect(privateValues.length).toBeGreaterThan(5);

  // Every type with drafts gets at least one: the seed has none for topics.
  const seed = client(tokens.seed);
  const topicDrafts = await seed.findAll<{ documentId: string }>('topics', {
    status: 'draft',
    filters: { name: { $contains: DRAFT_MARKER } },
  });
  if (!topicDrafts.length)
    await seed.request('POST', '/api/topics', {
      query: { status: 'draft' },
      body: {
        data: {
          name: `Entwurf eines Handlungsfelds ${DRAFT_MARKER}`,
          description: `${DRAFT_MARKER}: noch nicht freigegeben.`,
        },
      },
    });

  publishedCounts = {} as Record<Plural, number>;
  draftIds = {} as Record<Plural, string[]>;
  for (const plural of TYPES) {
    publishedCounts[plural] = (await client().findPage(plural, 1)).meta.pagination.total;
    const drafts =
      plural === 'municipalities'
        ? []
        : await seed.findAll<{ documentId: string; publishedAt: string | null }>(plural, {
            status: 'draft',
            fields: ['publishedAt'],
          });
    const published = new Set(
      (await client().findAll<{ documentId: string }>(plural, { fields: ['documentId'] })).map((e) => e.documentId),
    );
    draftIds[plural] = drafts.filter((d) => !published.has(d.documentId)).map((d) => d.documentId);
  }
  expect(draftIds.projects.length).toBeGreaterThan(0);
  expect(draftIds.topics.length).toBeGreaterThan(0);
});

function probes(plural: Plural): Probe[] {
  const list: Probe[] = [];
  const anyDraft = draftIds[plural][0];
  for (const prefix of PREFIXES) {
    for (const q of DRAFT_QUERIES) {
      list.push({ url: `${prefix}/${plural}?${q}`, expect: [403] });
      if (anyDraft) list.push({ url: `${prefix}/${plural}/${anyDraft}?${q}`, expect: [403] });
    }
    for (const q of PRIVATE_QUERIES[plural]) list.push({ url: `${prefix}/${plural}?${q}`, expect: [400] });
    const titleField = plural === 'topics' || plural === 'municipalities' ? 'name' : 'title';
    const search = [
      `filters[${titleField}][$containsi]=${DRAFT_MARKER.toLowerCase()}`,
      `filters[$or][0][${titleField}][$containsi]=entwurf`,
    ];
    for (const q of [...READER_QUERIES[plural], ...COMMON_READER_QUERIES, ...search]) {
      const total = /_q=|filters/.test(q) ? undefined : publishedCounts[plural];
      list.push({ url: `${prefix}/${plural}?${q}`, expect: [200], total });
      list.push({ url: `${prefix}/${plural}/?${q}`, expect: [200], total });
    }
    for (const id of draftIds[plural]) list.push({ url: `${prefix}/${plural}/${id}?populate=*`, expect: [404] });
  }
  return list;
}

/** Runs probes a few at a time and returns what went wrong, one line each. */
async function attack(list: Probe[], token: string | undefined): Promise<string[]> {
  const problems: string[] = [];
  const base = inject('strapiUrl');
  const queue = [...list];
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      for (let probe = queue.shift(); probe; probe = queue.shift()) {
        const response = await fetch(`${base}${probe.url}`, {
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
        const text = await response.text();
        if (!probe.expect.includes(response.status))
          problems.push(
            `${probe.url}: status ${response.status}, expected ${probe.expect.join('/')} – ${text.slice(0, 160)}`,
          );
        if (text.includes(DRAFT_MARKER) && !probe.url.includes(DRAFT_MARKER))
          problems.push(`${probe.url}: draft text in the response`);
        const leaked = privateValues.find((v) => text.includes(v));
        if (leaked) problems.push(`${probe.url}: private value ${leaked} in the response`);
        if (response.status === 400 || response.status === 403) {
          const message = JSON.parse(text)?.error?.message ?? '';
          if (probe.expect.includes(403) && !/Entwürfe/.test(message))
            problems.push(`${probe.url}: 403 without the German message (${message})`);
        }
        if (response.status === 200 && probe.total !== undefined) {
          const total = JSON.parse(text)?.meta?.pagination?.total;
          if (total !== probe.total) problems.push(`${probe.url}: total ${total}, but ${probe.total} are published`);
        }
      }
    }),
  );
  return problems;
}

describe('readers get published content only, without private values', () => {
  for (const plural of TYPES) {
    for (const [name, token] of CALLERS) {
      it(`${plural}, ${name}: every spelling and parameter`, async () => {
        const list = probes(plural);
        expect(list.length).toBeGreaterThan(150);
        expect(await attack(list, token())).toEqual([]);
      });
    }
  }

  it('finds the draft marker only with a full-access token (the attacks above would have seen it)', async () => {
    const response = await fetch(
      `${inject('strapiUrl')}/API/topics?status=draft&filters[name][$contains]=${DRAFT_MARKER}`,
      { headers: { authorization: `Bearer ${tokens.seed}` } },
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(DRAFT_MARKER);
  });

  it('answers a private filter with a German message naming the field', async () => {
    const response = await fetch(`${inject('strapiUrl')}/api/projects?filters[contacts][email][$startsWith]=a`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      'Das Feld „contacts.email“ ist nicht öffentlich und kann nicht zum Filtern, Sortieren oder Suchen verwendet werden.',
    );
  });

  it('returns the contact persons with consent, and only those, when contacts are populated', async () => {
    const plan = await seededPlan();
    const rows = await client().findAll<{ slug: string; contacts: { email: string | null; consent: boolean }[] }>(
      'projects',
      { populate: { contacts: true } },
    );
    const consenting = plan.projects
      .filter((p) => !p.draft)
      .flatMap((p) => p.contacts.filter((c) => c.consent).map((c) => c.email));
    const returned = rows.flatMap((r) => r.contacts.map((c) => c.email));
    expect(returned.sort()).toEqual(consenting.sort());
    expect(rows.flatMap((r) => r.contacts).every((c) => c.consent)).toBe(true);
  });
});
