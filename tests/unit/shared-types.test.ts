import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILE, generateSource, readSchemas } from '@ikz/shared-types/generator';
import { CONTENT_TYPES, ENUMS, ProjectSchema, EventSchema, BlocksSchema } from '@ikz/shared-types';

describe('shared-types', () => {
  it('matches the Strapi schema files (run `pnpm generate:types` after a schema change)', () => {
    expect(fs.readFileSync(GENERATED_FILE, 'utf8')).toBe(generateSource(readSchemas()));
  });

  it('notices when a schema changes', () => {
    const schemas = readSchemas();
    schemas.contentTypes.project!.attributes.subtitle = { type: 'string' };
    expect(generateSource(schemas)).not.toBe(fs.readFileSync(GENERATED_FILE, 'utf8'));
    expect(generateSource(schemas)).toContain('subtitle: string | null;');
  });

  it('rejects unknown attribute types instead of guessing', () => {
    const schemas = readSchemas();
    schemas.components['shared.link']!.attributes.odd = { type: 'dynamiczone' };
    expect(() => generateSource(schemas)).toThrow(/shared.link.odd: unsupported attribute type "dynamiczone"/);
  });

  it('lists the six content types and their enumerations', () => {
    expect(Object.keys(CONTENT_TYPES).sort()).toEqual([
      'document',
      'event',
      'municipality',
      'newsletter',
      'partner-search',
      'project',
      'topic',
    ]);
    expect(CONTENT_TYPES.project.plural).toBe('projects');
    expect(ENUMS['project.projectStatus']).toEqual([
      'Idee/Partnersuche',
      'Planung',
      'Umsetzung',
      'in Betrieb',
      'beendet',
    ]);
    expect(ENUMS['document.type']).toHaveLength(14);
  });

  const project = {
    id: 1,
    documentId: 'abc',
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    publishedAt: '2026-01-01T10:00:00.000Z',
    title: 'Gemeinsamer Bauhof',
    slug: 'gemeinsamer-bauhof',
    summary: 'Zwei Gemeinden teilen sich Fahrzeuge und Personal.',
    keywords: null,
    cooperationForm: 'Zweckverband',
    projectStatus: 'in Betrieb',
    startYear: 2019,
    endYear: null,
    occasion: [{ type: 'paragraph', children: [{ type: 'text', text: 'Anlass' }] }],
    goal: null,
    implementation: null,
    results: null,
    bestPractice: false,
    imageAlt: null,
    reviewedAt: '2026-01-01',
    topics: [{ documentId: 't1', name: 'Bauhof' }],
    leadMunicipality: { documentId: 'm1', name: 'Detmold', ags: '05766020' },
  };

  it('parses a REST project with populated relations', () => {
    const parsed = ProjectSchema.parse(project);
    expect(parsed.topics?.[0]?.name).toBe('Bauhof');
  });

  it('reports the field of an invalid entry', () => {
    const result = ProjectSchema.safeParse({ ...project, projectStatus: 'fertig', reviewedAt: '01.01.2026' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['projectStatus', 'reviewedAt']);
  });

  it('parses events with components and rejects broken blocks', () => {
    expect(() => EventSchema.parse({})).toThrow();
    expect(BlocksSchema.safeParse([{ type: 'paragraph', children: [{ type: 'text', text: 1 }] }]).success).toBe(false);
  });
});
