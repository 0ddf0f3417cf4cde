import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildMunicipalityRows } from '@ikz/cms/lib/municipalities';
import { SLUG_PATTERN } from '@ikz/shared-types/slug';
import { validateEntry } from '@ikz/cms/lib/validation';
import { readReferenceJson } from '@ikz/shared-types/reference-data';
import { Random } from '@ikz/scripts/lib/prng';
import { countWord, DRAFT_MARKER, generatePlan, inRegion, type SeedPlan } from '@ikz/scripts/seed/generate';
import { TOPICS } from '@ikz/scripts/seed/corpus';

const municipalities = buildMunicipalityRows(
  readReferenceJson('nrw-kommunen.json'),
  readReferenceJson('nrw-kreise.json'),
);
const referenceDate = new Date('2026-11-01T00:00:00Z');
const options = { scale: 1, seed: 'interkommunales-nrw', referenceDate };
const full = generatePlan(municipalities, options);
const hash = (plan: SeedPlan) => createHash('sha256').update(JSON.stringify(plan)).digest('hex');

describe('generatePlan', () => {
  it('is deterministic: same seed, same content; another seed, other content', () => {
    expect(hash(generatePlan([...municipalities].reverse(), options))).toBe(hash(full));
    expect(hash(generatePlan(municipalities, { ...options, seed: 'anders' }))).not.toBe(hash(full));
  });

  it('gives the same plan as before, byte for byte (change these hashes only when the demo content changes on purpose)', () => {
    expect(hash(generatePlan(municipalities, { ...options, scale: 0.05 }))).toBe(
      '4cf2c813a62dc70789c7ef48e0cf019fc27ea00961ae702e29226391a9d27927',
    );
    expect(hash(full)).toBe('750119c16f0b4351e8f847848ad7857cfc451e9a0351181c745f93abe965bae2');
  });

  it('has the real portal scale at scale 1', () => {
    const published = (list: { draft: boolean }[]) => list.filter((e) => !e.draft).length;
    expect(published(full.projects)).toBe(500);
    expect(published(full.documents)).toBe(3000);
    expect(published(full.events)).toBe(80);
    expect(published(full.newsletters)).toBe(30);
    expect(full.topics.length).toBeGreaterThanOrEqual(45);
  });

  it('scales down and up', () => {
    const small = generatePlan(municipalities, { ...options, scale: 0.05 });
    expect(small.projects.filter((p) => !p.draft)).toHaveLength(25);
    expect(small.documents.filter((d) => !d.draft)).toHaveLength(150);
    expect(new Set(small.documents.map((d) => d.type)).size).toBe(14);
    expect(small.events.some((e) => e.startsAt > referenceDate.toISOString())).toBe(true);
    expect(small.events.some((e) => e.endsAt < referenceDate.toISOString())).toBe(true);
  });

  it('uses every topic, with the two focus topics well represented', () => {
    const used = new Set(full.projects.flatMap((p) => p.topicSlugs));
    for (const t of full.topics) expect(used.has(t.slug), t.name).toBe(true);
    const focus = full.topics.filter((t) => t.focus).map((t) => t.slug);
    expect(focus).toEqual(['digitalisierung-der-kommunalverwaltung', 'shared-service-center']);
    const share =
      full.projects.filter((p) => p.topicSlugs.some((s) => focus.includes(s))).length / full.projects.length;
    expect(share).toBeGreaterThan(0.15);
  });

  it('gives unique ASCII slugs and resolvable references', () => {
    for (const kind of ['topics', 'documents', 'projects', 'events', 'newsletters'] as const) {
      const slugs = full[kind].map((e) => e.slug);
      expect(new Set(slugs).size, kind).toBe(slugs.length);
      for (const slug of slugs) expect(slug).toMatch(SLUG_PATTERN);
    }
    const ags = new Set(municipalities.map((m) => m.ags));
    const docs = new Set(full.documents.map((d) => d.slug));
    const topics = new Set(full.topics.map((t) => t.slug));
    for (const p of full.projects) {
      expect(ags.has(p.leadAgs)).toBe(true);
      for (const a of p.municipalityAgs) expect(ags.has(a)).toBe(true);
      for (const d of p.documentSlugs) expect(docs.has(d)).toBe(true);
      for (const t of p.topicSlugs) expect(topics.has(t)).toBe(true);
    }
    const projects = new Set(full.projects.map((p) => p.slug));
    for (const n of full.newsletters)
      for (const s of n.sections) for (const p of s.projectSlugs) expect(projects.has(p)).toBe(true);
  });

  it('produces only entries the back end accepts for publishing', () => {
    const problems: string[] = [];
    const check = (uid: Parameters<typeof validateEntry>[0], slug: string, entry: Record<string, unknown>) => {
      for (const p of validateEntry(uid, entry, { publishing: true, now: referenceDate }))
        problems.push(`${slug}: ${p.message}`);
    };
    for (const p of full.projects)
      check('api::project.project', p.slug, {
        ...p,
        topics: p.topicSlugs,
        leadMunicipality: { ags: p.leadAgs },
        image: p.image,
      });
    for (const d of full.documents)
      check('api::document.document', d.slug, { ...d, file: d.withFile ? { id: 1 } : null });
    for (const e of full.events) check('api::event.event', e.slug, { ...e });
    for (const n of full.newsletters) check('api::newsletter.newsletter', n.slug, { ...n });
    expect(problems).toEqual([]);
  });

  it('fills court decisions completely', () => {
    const decisions = full.documents.filter((d) => d.type === 'Gerichtsentscheidung');
    expect(decisions.length).toBeGreaterThan(50);
    for (const d of decisions) {
      expect(d.courtDecision).toMatchObject({
        court: expect.any(String),
        docketNumber: expect.stringMatching(/\d+\/\d{2}$/),
        holding: expect.any(String),
      });
      expect(['Urteil', 'Beschluss']).toContain(d.courtDecision!.kind);
    }
  });

  it('marks drafts, and only drafts carry the draft marker', () => {
    for (const kind of ['documents', 'projects', 'events', 'newsletters'] as const) {
      const list = full[kind] as { draft: boolean; title: string }[];
      expect(list.filter((e) => e.draft).length, kind).toBeGreaterThan(0);
      for (const e of list) expect(e.title.includes(DRAFT_MARKER)).toBe(e.draft);
    }
    expect(full.draftEdits[0]!.summary).toContain(DRAFT_MARKER);
  });

  it('leaves no placeholder unfilled', () => {
    expect(JSON.stringify(full)).not.toMatch(/\{[a-zA-Z]+\}/);
  });

  it('fails clearly without municipalities', () => {
    expect(() => generatePlan([], options)).toThrow(/no municipalities/);
  });
});

describe('German grammar helpers', () => {
  it('puts the right preposition before a Kreis', () => {
    expect(inRegion('Kreis Lippe', true)).toBe('im Kreis Lippe');
    expect(inRegion('Oberbergischer Kreis', true)).toBe('im Oberbergischen Kreis');
    expect(inRegion('Städteregion Aachen', true)).toBe('in der Städteregion Aachen');
    expect(inRegion('Düsseldorf', false)).toBe('in Düsseldorf');
  });

  it('writes small counts as words', () => {
    expect(countWord(2)).toBe('zwei');
    expect(countWord(5, true)).toBe('Fünf');
    expect(countWord(14)).toBe('14');
  });
});

describe('corpus', () => {
  it('has unique topic names and exactly the two focus topics', () => {
    expect(new Set(TOPICS.map((t) => t.name)).size).toBe(TOPICS.length);
    expect(TOPICS.filter((t) => t.focus).map((t) => t.name)).toEqual([
      'Digitalisierung der Kommunalverwaltung',
      'Shared Service Center',
    ]);
    const names = new Set(TOPICS.map((t) => t.name));
    for (const t of TOPICS) for (const r of t.related) expect(names.has(r), `${t.name} → ${r}`).toBe(true);
  });
});

describe('Random', () => {
  it('is reproducible and uniform enough', () => {
    const a = new Random('x');
    const b = new Random('x');
    const values = Array.from({ length: 1000 }, () => a.next());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
    expect(new Random(1).sample([1, 2, 3, 4], 4).sort()).toEqual([1, 2, 3, 4]);
  });
});
