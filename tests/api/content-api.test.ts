import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES, ProjectSchema, SCHEMAS, type ContentTypeName } from '@ikz/shared-types';
import { POPULATE } from '@ikz/site/snapshot/populate';
import { DRAFT_MARKER } from '@ikz/scripts/seed/generate';
import { api, client, seededPlan, tokens } from './helpers.ts';

/** Every content type with exactly the populate the site requests (the site's own rules, not a copy). */
const TYPES = Object.entries(CONTENT_TYPES).map(([name, t]) => ({ name: name as ContentTypeName, plural: t.plural }));

describe('public role reads published content', () => {
  for (const { name, plural } of TYPES) {
    it(`${plural}: every published entry, with the populate the site needs, valid against the shared schema`, async () => {
      const plan = await seededPlan();
      const rows = await client().findAll<unknown>(plural, { populate: POPULATE[name] });
      // The seed writes no Partnersuchen (they come from the form; the suite that makes some deletes them again).
      const seeded = (plan[plural as keyof typeof plan] ?? []) as { draft?: boolean }[];
      const expected = plural === 'municipalities' ? 427 : seeded.filter((e) => !e.draft).length;
      expect(rows).toHaveLength(expected);
      const schema = SCHEMAS[name] as import('zod').ZodType;
      for (const row of rows) {
        const result = schema.safeParse(row);
        if (!result.success)
          throw new Error(`${plural} ${(row as { documentId: string }).documentId}: ${result.error.message}`);
      }
    });
  }

  it('returns the relations of a project as seeded', async () => {
    const plan = await seededPlan();
    const seeded = plan.projects.find((p) => !p.draft && p.documentSlugs.length > 0 && p.municipalityAgs.length > 1)!;
    const response = await api('/api/projects', {
      query: { filters: { slug: { $eq: seeded.slug } }, populate: POPULATE.project },
    });
    expect(response.status).toBe(200);
    const project = ProjectSchema.parse(response.body.data[0]);
    expect(project.title).toBe(seeded.title);
    expect(project.topics?.map((t) => t.slug).sort()).toEqual([...seeded.topicSlugs].sort());
    expect(project.leadMunicipality?.ags).toBe(seeded.leadAgs);
    expect(project.municipalities?.map((m) => m.ags).sort()).toEqual([...seeded.municipalityAgs].sort());
    expect(project.documents?.map((d) => d.slug).sort()).toEqual([...seeded.documentSlugs].sort());
  });

  it('shows only contact persons who consented', async () => {
    const plan = await seededPlan();
    const rows = await client().findAll<{ slug: string; contacts: { name: string; consent: boolean }[] }>('projects', {
      populate: { contacts: true },
    });
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    let hidden = 0;
    for (const p of plan.projects.filter((x) => !x.draft)) {
      const names = bySlug.get(p.slug)!.contacts.map((c) => c.name);
      expect(names).toEqual(p.contacts.filter((c) => c.consent).map((c) => c.name));
      hidden += p.contacts.filter((c) => !c.consent).length;
    }
    expect(hidden).toBeGreaterThan(0);
  });

  it('serves uploaded PDFs of documents', async () => {
    const rows = await client().findAll<{ file: { url: string; mime: string } | null }>('documents', {
      populate: { file: true },
    });
    const withFile = rows.filter((r) => r.file);
    expect(withFile.length).toBeGreaterThan(0);
    const response = await fetch(`${client().baseUrl}${withFile[0]!.file!.url}`);
    expect(response.status).toBe(200);
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});

describe('drafts stay invisible to readers', () => {
  it('lists no draft entry and no unpublished edit', async () => {
    const plan = await seededPlan();
    for (const plural of ['projects', 'documents', 'events', 'newsletters'] as const) {
      const rows = await client().findAll<{ slug: string }>(plural, { populate: '*' });
      expect(JSON.stringify(rows)).not.toContain(DRAFT_MARKER);
      const drafts = plan[plural].filter((e) => e.draft).map((e) => e.slug);
      expect(drafts.length).toBeGreaterThan(0);
      for (const slug of drafts) expect(rows.some((r) => r.slug === slug)).toBe(false);
    }
    const edited = plan.draftEdits[0]!;
    const published = await api('/api/projects', { query: { filters: { slug: { $eq: edited.slug } } } });
    expect(published.body.data).toHaveLength(1);
    expect(published.body.data[0].summary).not.toContain(DRAFT_MARKER);
  });

  it('refuses ?status=draft to the public role and to the build token, on lists and single entries', async () => {
    const drafts = await client(tokens.seed).findAll<{ documentId: string; slug: string }>('projects', {
      status: 'draft',
      fields: ['slug'],
    });
    const draftOnly = drafts.find((d) => d.slug.includes('entwurf'))!;
    expect(draftOnly).toBeDefined();
    for (const token of [undefined, tokens.build]) {
      const list = await api('/api/projects', { token, query: { status: 'draft' } });
      expect(list.status).toBe(403);
      expect(list.body.error.message).toMatch(/Entwürfe/);
      const single = await api(`/api/projects/${draftOnly.documentId}`, { token, query: { status: 'draft' } });
      expect(single.status).toBe(403);
      expect((await api(`/api/projects/${draftOnly.documentId}`, { token })).status).toBe(404);
      expect((await api('/api/projects', { token, query: { publicationState: 'preview' } })).status).toBe(403);
    }
  });

  it('lets a full-access token read drafts (the seed needs it)', async () => {
    const response = await api('/api/projects', {
      token: tokens.seed,
      query: { status: 'draft', filters: { title: { $contains: DRAFT_MARKER } } },
    });
    expect(response.status).toBe(200);
    expect(response.body.data.length).toBe(3);
  });
});

describe('the public role and the build token cannot write', () => {
  const plurals = ['projects', 'documents', 'newsletters', 'events', 'topics', 'municipalities'];

  it('refuses create, update and delete on every content type', async () => {
    for (const plural of plurals) {
      const [existing] = await client()
        .findPage<{ documentId: string }>(plural, 1)
        .then((p) => p.data);
      expect(existing).toBeDefined();
      for (const token of [undefined, tokens.build]) {
        const create = await api(`/api/${plural}`, {
          method: 'POST',
          token,
          body: { data: { title: 'Angriff', name: 'Angriff' } },
        });
        const update = await api(`/api/${plural}/${existing!.documentId}`, {
          method: 'PUT',
          token,
          body: { data: { title: 'Angriff' } },
        });
        const remove = await api(`/api/${plural}/${existing!.documentId}`, { method: 'DELETE', token });
        expect(
          [create.status, update.status, remove.status],
          `${plural} with ${token ? 'build token' : 'public role'}`,
        ).toEqual([403, 403, 403]);
      }
    }
    const after = await client().findPage<{ title: string }>('projects', 1);
    expect(JSON.stringify(after.data)).not.toContain('Angriff');
  });

  it('refuses uploads, user lists and registration', async () => {
    const form = new FormData();
    form.append('files', new Blob(['%PDF-1.4'], { type: 'application/pdf' }), 'x.pdf');
    const upload = await fetch(`${client().baseUrl}/api/upload`, { method: 'POST', body: form });
    expect(upload.status).toBe(403);
    expect((await api('/api/upload/files')).status).toBe(403);
    expect((await api('/api/users')).status).toBe(403);
    const register = await api('/api/auth/local/register', {
      method: 'POST',
      body: { username: 'x', email: 'x@example.org', password: 'Passwort123!' },
    });
    expect([400, 403]).toContain(register.status);
    expect(register.body.data ?? null).toBeNull();
  });
});

describe('pagination', () => {
  it('caps page sizes at the server limit and reaches every entry through the pages', async () => {
    const plan = await seededPlan();
    const expected = plan.documents.filter((d) => !d.draft).length;
    expect(expected).toBeGreaterThan(100);
    const first = await api('/api/documents', { query: { pagination: { page: 1, pageSize: 1000 }, fields: ['slug'] } });
    expect(first.body.meta.pagination.pageSize).toBe(100);
    expect(first.body.data).toHaveLength(100);
    expect(first.body.meta.pagination.total).toBe(expected);
    const all = await client(tokens.build).findAll<{ documentId: string; slug: string }>('documents', {
      fields: ['slug'],
      sort: ['slug:asc'],
    });
    expect(all).toHaveLength(expected);
    expect(new Set(all.map((d) => d.documentId)).size).toBe(expected);
    expect(new Set(all.map((d) => d.slug))).toEqual(new Set(plan.documents.filter((d) => !d.draft).map((d) => d.slug)));
  });
});

describe('municipalities', () => {
  it('holds the 396 Gemeinden and 31 Kreise from the reference data', async () => {
    const rows = await client().findAll<{ kind: string; ags: string; name: string }>('municipalities', {
      fields: ['kind', 'ags', 'name'],
    });
    expect(rows).toHaveLength(427);
    expect(rows.filter((r) => r.kind === 'Kreis')).toHaveLength(31);
    expect(rows.filter((r) => r.kind !== 'Kreis')).toHaveLength(396);
    expect(rows.find((r) => r.ags === '05315000')?.name).toBe('Köln');
  });
});
