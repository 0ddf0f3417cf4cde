/** Projects per search bundle in the site tests' build. */
export const SITE_PROJECTS_PER_BUNDLE = 12;

export const SITE_SEED = {
  scale: 0.05,
  seed: 'interkommunales-nrw',
  referenceDate: new Date('2026-11-01T00:00:00Z'),
} as const;
export const SITE_URL = 'https://www.interkommunales.example';

/** Markup and script an editor might type (or paste); the site must show it as text. */
export const HOSTILE = {
  title: 'Sicherheitstest <script>alert("titel")</script> & „Zitat“ äöüß',
  slug: 'sicherheitstest-script-alert-titel-script-und-zitat-aeoeuess',
  summary:
    'Kurzbeschreibung mit <img src=x onerror=alert(1)> und <a href="javascript:alert(2)">Link</a> – bitte als Text zeigen.',
  project(topic: string, lead: string) {
    return {
      title: this.title,
      summary: this.summary,
      cooperationForm: 'Sonstige',
      projectStatus: 'in Betrieb',
      bestPractice: false,
      startYear: 2024,
      topics: [topic],
      leadMunicipality: lead,
      occasion: [
        { type: 'paragraph', children: [{ type: 'text', text: '<b>kein Fettdruck</b><script>alert(3)</script>' }] },
        {
          type: 'paragraph',
          children: [
            { type: 'link', url: 'https://www.land.nrw/', children: [{ type: 'text', text: 'Landesportal' }] },
          ],
        },
      ],
    };
  },
};

/** A project whose text has one rare word in the singular; the search must find it by its plural. */
export const STEMMING = {
  singular: 'Gebietsreformprobe',
  plural: 'Gebietsreformproben',
  project(topic: string, lead: string) {
    return {
      title: 'Testprojekt zur Suche nach Wortformen',
      summary: 'Dieses Projekt erwähnt eine Gebietsreformprobe genau einmal und nur in der Einzahl.',
      cooperationForm: 'informelle Kooperation',
      projectStatus: 'Planung',
      bestPractice: false,
      startYear: 2026,
      topics: [topic],
      leadMunicipality: lead,
    };
  },
};

/** A project whose texts a spreadsheet would run as formulas; the CSV must defuse them, the JSON keep them. */
export const FORMULA = {
  title: 'Tabellentest für offene Daten',
  summary:
    '=HYPERLINK("https://evil.example/","Förderantrag öffnen") – diese Kurzbeschreibung beginnt mit einem Gleichheitszeichen.',
  project(topic: string, lead: string) {
    return {
      title: this.title,
      summary: this.summary,
      cooperationForm: 'Arbeitsgemeinschaft',
      projectStatus: 'Planung',
      bestPractice: false,
      startYear: 2025,
      topics: [topic],
      leadMunicipality: lead,
    };
  },
};

/**
 * Uploads whose stored bytes are not what their name says – as an older Strapi stored them, or as someone
 * with access to the upload folder could leave them: the entries must be published, without the files.
 */
export const HOSTILE_FILES = {
  document: {
    title: 'Protokoll mit verstecktem Skript',
    slug: 'protokoll-mit-verstecktem-skript',
    type: 'Sonstiges',
    date: '2026-03-01',
  },
  /** Stored as protokoll.pdf, but HTML with a script. */
  documentBytes: '<!doctype html><html><body><script>alert(document.domain)</script></body></html>',
  project: {
    title: 'Projekt mit untergeschobenem Bild',
    summary: 'Das Bild dieses Projekts ist in Wahrheit eine SVG-Grafik mit Skript.',
    cooperationForm: 'Sonstige',
    projectStatus: 'Planung',
    bestPractice: false,
    startYear: 2026,
  },
  projectSlug: 'projekt-mit-untergeschobenem-bild',
  /** Stored as bild.png, but SVG with a script. */
  imageBytes:
    '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" onload="alert(1)"><script>alert(2)</script></svg>',
};

/** Partnersuchen as editors publish them: one plain, one with markup typed into every text (shown as text). */
export const PARTNER_SEARCHES = {
  plain: {
    title: 'Partner für gemeinsame Vergabestelle gesucht',
    slug: 'partner-fuer-gemeinsame-vergabestelle-gesucht',
    offer: 'Eine eingearbeitete Vergabestelle.\n\nErfahrung mit der E-Vergabe.',
    seek: 'Zwei Nachbarkommunen für gemeinsame Ausschreibungen.',
  },
  hostile: {
    title: 'Partnersuche <script>alert("ps")</script> & äöüß',
    slug: 'partnersuche-script-alert-ps-script-und-aeoeuess',
    offer: '<img src=x onerror=alert(1)> bieten wir',
    seek: '<b>kein Fettdruck</b> suchen wir',
  },
  entry(which: 'plain' | 'hostile', municipality: string, topic: string, validUntil: string) {
    const { slug: _slug, ...fields } = this[which];
    return { ...fields, municipality, topics: [topic], validUntil };
  },
};
