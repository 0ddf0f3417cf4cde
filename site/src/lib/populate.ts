/** What each page type needs from Strapi – kept in one place. */
const ref = (...fields: string[]) => ({ fields });
const municipalityFields = ref('name', 'slug', 'ags', 'kind', 'kreisAgs', 'kreisName', 'regierungsbezirkName');

export const POPULATE = {
  projects: {
    topics: ref('name', 'slug', 'focus'),
    leadMunicipality: municipalityFields,
    municipalities: municipalityFields,
    partners: true,
    funding: true,
    contacts: true,
    documents: ref('title', 'slug', 'type', 'date'),
    image: true,
  },
  documents: {
    file: true,
    courtDecision: true,
    topics: ref('name', 'slug'),
    municipalities: ref('name', 'slug', 'ags', 'kind'),
    projects: ref('title', 'slug'),
  },
  events: {
    place: true,
    online: true,
    registration: true,
    speakers: true,
    documents: ref('title', 'slug', 'type', 'date'),
    topics: ref('name', 'slug'),
  },
  newsletters: {
    pdf: true,
    sections: { populate: { projects: ref('title', 'slug'), events: ref('title', 'slug'), documents: ref('title', 'slug'), links: true } },
  },
} as const;
