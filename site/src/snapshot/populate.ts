/** What the pages need of each content type from Strapi – kept in one place, used by the site and its tests. */
import { RELATIONS, type ContentTypeName } from '@ikz/shared-types';
import type { QueryValue } from '@ikz/shared-types/rest';

const ref = (...fields: string[]) => ({ fields });
const municipalityFields = ref('name', 'slug', 'ags', 'kind', 'kreisAgs', 'kreisName', 'regierungsbezirkName');

export const POPULATE: Record<ContentTypeName, QueryValue> = {
  project: {
    topics: ref('name', 'slug', 'focus'),
    leadMunicipality: municipalityFields,
    municipalities: municipalityFields,
    partners: true,
    funding: true,
    contacts: true,
    documents: ref('title', 'slug', 'type', 'date'),
    image: true,
  },
  document: {
    file: true,
    courtDecision: true,
    topics: ref('name', 'slug'),
    municipalities: ref('name', 'slug', 'ags', 'kind'),
    projects: ref('title', 'slug'),
  },
  event: {
    place: true,
    online: true,
    registration: true,
    speakers: true,
    documents: ref('title', 'slug', 'type', 'date'),
    topics: ref('name', 'slug'),
  },
  newsletter: {
    pdf: true,
    sections: {
      populate: {
        projects: ref('title', 'slug'),
        events: ref('title', 'slug'),
        documents: ref('title', 'slug'),
        links: true,
      },
    },
  },
  topic: {},
  municipality: {},
  'partner-search': {
    municipality: municipalityFields,
    topics: ref('name', 'slug'),
  },
};

/** The populate rule at a relation path, e.g. ['sections', 'projects'] of a newsletter. */
function populateAt(populate: QueryValue, path: readonly string[]): QueryValue {
  let current: QueryValue = populate;
  for (const [i, segment] of path.entries()) {
    if (!current || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, QueryValue>)[segment];
    if (i < path.length - 1 && current && typeof current === 'object' && !Array.isArray(current))
      current = (current as Record<string, QueryValue>).populate;
  }
  return current;
}

/**
 * The fields of a type that other entries show through their relations (a topic's name on a project page):
 * when none of them changes, the entries that refer to it need not be read again.
 */
export function referencedFields(target: ContentTypeName): string[] {
  const fields = new Set<string>(['slug']);
  for (const [type, relations] of Object.entries(RELATIONS) as [ContentTypeName, readonly Relation[]][]) {
    for (const relation of relations) {
      if (relation.target !== target) continue;
      const rule = populateAt(POPULATE[type], relation.path);
      const selected =
        rule && typeof rule === 'object' && !Array.isArray(rule)
          ? (rule as Record<string, QueryValue>).fields
          : undefined;
      if (Array.isArray(selected)) for (const field of selected) fields.add(String(field));
    }
  }
  return [...fields].sort();
}

type Relation = { path: readonly string[]; target: string };
