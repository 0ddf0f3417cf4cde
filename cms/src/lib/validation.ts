/**
 * Back-end validation rules that Strapi's schema cannot express. Pure: takes the entry as stored
 * (relations and components populated) and returns German messages with the path of the field.
 * Format rules apply to every save; completeness rules only when the entry is published.
 */
import { berlinDay, partnerSearchExpired } from '@ikz/shared-types/partner-search';

export interface Problem {
  path: string[];
  message: string;
}

export interface ValidationOptions {
  publishing: boolean;
  now: Date;
}

type Entry = Record<string, unknown>;

export const VALIDATED_UIDS = [
  'api::project.project',
  'api::document.document',
  'api::newsletter.newsletter',
  'api::event.event',
  'api::topic.topic',
  'api::partner-search.partner-search',
] as const;
export type ValidatedUid = (typeof VALIDATED_UIDS)[number];

export function isValidatedUid(uid: string): uid is ValidatedUid {
  return (VALIDATED_UIDS as readonly string[]).includes(uid);
}

/** Relations and components each rule needs to see. */
export const VALIDATION_POPULATE: Record<ValidatedUid, string[]> = {
  'api::project.project': ['topics', 'leadMunicipality', 'image', 'contacts', 'funding'],
  'api::document.document': ['file', 'courtDecision'],
  'api::newsletter.newsletter': ['sections', 'sections.links'],
  'api::event.event': ['place', 'online', 'registration'],
  'api::topic.topic': [],
  'api::partner-search.partner-search': ['municipality', 'topics'],
};

export function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.trim() === '') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const asObject = (v: unknown): Entry | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Entry) : null);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asNumber = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));
const asDate = (v: unknown): Date | null => {
  if (isBlank(v)) return null;
  const d = new Date(String(v));
  return Number.isNaN(d.getTime()) ? null : d;
};

function checkUrl(problems: Problem[], value: unknown, path: string[], label: string) {
  if (!isBlank(value) && !isHttpUrl(value)) {
    problems.push({ path, message: `${label} ist keine gültige Internetadresse (erwartet: https://…).` });
  }
}

function validateProject(e: Entry, o: ValidationOptions, p: Problem[]) {
  const maxYear = o.now.getFullYear() + 10;
  const start = asNumber(e.startYear);
  const end = asNumber(e.endYear);
  if (start !== null && start > maxYear)
    p.push({
      path: ['startYear'],
      message: `Das Startjahr ${start} liegt zu weit in der Zukunft (höchstens ${maxYear}).`,
    });
  if (end !== null && end > maxYear)
    p.push({ path: ['endYear'], message: `Das Endjahr ${end} liegt zu weit in der Zukunft (höchstens ${maxYear}).` });
  if (start !== null && end !== null && end < start)
    p.push({ path: ['endYear'], message: `Das Endjahr (${end}) liegt vor dem Startjahr (${start}).` });
  if (e.image && isBlank(e.imageAlt))
    p.push({
      path: ['imageAlt'],
      message: 'Zum Bild fehlt der Alternativtext für Menschen, die das Bild nicht sehen.',
    });
  asArray(e.contacts).forEach((c, i) => {
    const contact = asObject(c);
    if (contact?.consent && isBlank(contact.email) && isBlank(contact.phone)) {
      p.push({
        path: ['contacts', String(i), 'email'],
        message: 'Eine veröffentlichte Ansprechperson braucht eine E-Mail-Adresse oder Telefonnummer.',
      });
    }
  });
  if (!o.publishing) return;
  if (asArray(e.topics).length === 0)
    p.push({ path: ['topics'], message: 'Ein Projekt braucht mindestens ein Handlungsfeld.' });
  if (!asObject(e.leadMunicipality))
    p.push({ path: ['leadMunicipality'], message: 'Ein Projekt braucht eine federführende Kommune.' });
  if (e.projectStatus === 'beendet' && end === null)
    p.push({ path: ['endYear'], message: 'Ein beendetes Projekt braucht ein Endjahr.' });
}

function validateDocument(e: Entry, o: ValidationOptions, p: Problem[]) {
  checkUrl(p, e.externalUrl, ['externalUrl'], 'Der externe Link');
  const court = asObject(e.courtDecision);
  if (court) checkUrl(p, court.sourceUrl, ['courtDecision', 'sourceUrl'], 'Die Fundstelle');
  const date = asDate(e.date);
  if (date && date.getTime() > o.now.getTime() + 366 * 24 * 3600 * 1000) {
    p.push({ path: ['date'], message: 'Das Datum liegt mehr als ein Jahr in der Zukunft.' });
  }
  if (!o.publishing) return;
  if (!e.file && isBlank(e.externalUrl))
    p.push({ path: ['file'], message: 'Ein Dokument braucht eine Datei oder einen externen Link.' });
  if (e.type === 'Gerichtsentscheidung' && !court) {
    p.push({
      path: ['courtDecision'],
      message: 'Für eine Gerichtsentscheidung fehlen Gericht, Aktenzeichen und Art der Entscheidung.',
    });
  }
}

function validateNewsletter(e: Entry, _o: ValidationOptions, p: Problem[]) {
  const sent = asDate(e.sentAt);
  const year = asNumber(e.year);
  if (sent && year !== null && Math.abs(sent.getFullYear() - year) > 1) {
    p.push({ path: ['sentAt'], message: `Das Versanddatum passt nicht zum Jahrgang ${year}.` });
  }
  asArray(e.sections).forEach((s, i) => {
    asArray(asObject(s)?.links).forEach((l, j) => {
      checkUrl(p, asObject(l)?.url, ['sections', String(i), 'links', String(j), 'url'], 'Der Link');
    });
  });
}

function validateEvent(e: Entry, o: ValidationOptions, p: Problem[]) {
  const start = asDate(e.startsAt);
  const end = asDate(e.endsAt);
  if (start && end && end.getTime() <= start.getTime())
    p.push({ path: ['endsAt'], message: 'Das Ende der Veranstaltung muss nach ihrem Beginn liegen.' });
  const online = asObject(e.online);
  if (online) checkUrl(p, online.url, ['online', 'url'], 'Der Zugangslink');
  const reg = asObject(e.registration);
  if (reg) {
    checkUrl(p, reg.url, ['registration', 'url'], 'Der Anmeldelink');
    if (reg.mode === 'per E-Mail' && isBlank(reg.email))
      p.push({ path: ['registration', 'email'], message: 'Für die Anmeldung per E-Mail fehlt die E-Mail-Adresse.' });
    if (reg.mode === 'Online-Formular' && isBlank(reg.url))
      p.push({ path: ['registration', 'url'], message: 'Für die Anmeldung per Online-Formular fehlt der Link.' });
    const deadline = asDate(reg.deadline);
    if (deadline && end && deadline.getTime() > end.getTime())
      p.push({
        path: ['registration', 'deadline'],
        message: 'Der Anmeldeschluss liegt nach dem Ende der Veranstaltung.',
      });
  }
  if (!o.publishing) return;
  if (!asObject(e.place) && !online)
    p.push({
      path: ['place'],
      message: 'Eine Veranstaltung braucht einen Veranstaltungsort oder einen Online-Zugang.',
    });
  if (e.format === 'Online-Veranstaltung' && !online)
    p.push({ path: ['online'], message: 'Für eine Online-Veranstaltung fehlt der Online-Zugang.' });
}

/** A Partnersuche: published with its municipality and a topic, and not already expired. */
function validatePartnerSearch(e: Entry, o: ValidationOptions, p: Problem[]) {
  if (!o.publishing) return;
  if (!asObject(e.municipality))
    p.push({ path: ['municipality'], message: 'Eine Partnersuche braucht die suchende Kommune.' });
  if (asArray(e.topics).length === 0)
    p.push({ path: ['topics'], message: 'Eine Partnersuche braucht mindestens ein Handlungsfeld.' });
  if (typeof e.validUntil === 'string' && partnerSearchExpired(e.validUntil, berlinDay(o.now)))
    p.push({
      path: ['validUntil'],
      message:
        'Das Datum unter „Gültig bis“ ist bereits vorbei; eine abgelaufene Partnersuche kann nicht veröffentlicht werden.',
    });
}

const RULES: Record<ValidatedUid, (e: Entry, o: ValidationOptions, p: Problem[]) => void> = {
  'api::project.project': validateProject,
  'api::document.document': validateDocument,
  'api::newsletter.newsletter': validateNewsletter,
  'api::event.event': validateEvent,
  'api::topic.topic': () => {},
  'api::partner-search.partner-search': validatePartnerSearch,
};

export function validateEntry(uid: ValidatedUid, entry: Entry, options: ValidationOptions): Problem[] {
  const problems: Problem[] = [];
  RULES[uid](entry, options, problems);
  return problems;
}

export function summarize(problems: Problem[]): string {
  if (problems.length === 1) return problems[0]!.message;
  return `Bitte korrigieren Sie ${problems.length} Angaben: ${problems.map((p) => p.message).join(' ')}`;
}

/** Schema attributes as far as the control-character rule needs them (Strapi's attribute definitions fit). */
export interface AttributeShape {
  type: string;
  component?: string;
  repeatable?: boolean;
  regex?: string;
}
export type Attributes = Record<string, AttributeShape>;

const SINGLE_LINE_TYPES = new Set(['string', 'email', 'uid']);
const MULTI_LINE_TYPES = new Set(['text']);
/**
 * A single-line field longer than 255 characters (a URL, keywords) is `text` – PostgreSQL stores `string` as
 * varchar(255) – with this pattern in its schema, which makes it single-line for this rule and for Strapi.
 */
export const SINGLE_LINE_TEXT_REGEX = '^[^\\r\\n]*$';
const singleLine = (attribute: AttributeShape): boolean =>
  SINGLE_LINE_TYPES.has(attribute.type) || (attribute.type === 'text' && attribute.regex === SINGLE_LINE_TEXT_REGEX);
// C0 controls (tab, CR and LF among them), DEL, C1 controls, the Unicode line and paragraph separators,
// the noncharacters U+FFFE/U+FFFF and unpaired surrogates: none belongs in a title, a name or an address,
// and XML (feeds, sitemaps) or iCalendar would break on them or, worse, take them as structure.
const SINGLE_LINE_FORBIDDEN =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// Multi-line text keeps its line feeds; nothing else of the above.
const MULTI_LINE_FORBIDDEN =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Control characters in the text fields of the data a save sends, content type and components alike
 * (single-line fields: none at all; multi-line text: line feeds only). `label` names a field in German.
 */
export function controlCharacterProblems(
  attributes: Attributes,
  data: unknown,
  getComponent: (uid: string) => Attributes | undefined,
  label: (path: string[]) => string,
  base: string[] = [],
): Problem[] {
  const problems: Problem[] = [];
  const entry = asObject(data);
  if (!entry) return problems;
  for (const [name, attribute] of Object.entries(attributes)) {
    const value = entry[name];
    const path = [...base, name];
    if (typeof value === 'string' && singleLine(attribute) && SINGLE_LINE_FORBIDDEN.test(value)) {
      problems.push({
        path,
        message: `„${label(path)}“ darf keine Zeilenumbrüche, Tabulatoren oder anderen Steuerzeichen enthalten.`,
      });
    } else if (typeof value === 'string' && MULTI_LINE_TYPES.has(attribute.type) && MULTI_LINE_FORBIDDEN.test(value)) {
      problems.push({
        path,
        message: `„${label(path)}“ darf außer Zeilenumbrüchen keine Steuerzeichen (etwa Tabulatoren) enthalten.`,
      });
    } else if (attribute.type === 'component' && attribute.component) {
      const component = getComponent(attribute.component);
      if (!component) continue;
      if (Array.isArray(value))
        value.forEach((item, i) =>
          problems.push(...controlCharacterProblems(component, item, getComponent, label, [...path, String(i)])),
        );
      else problems.push(...controlCharacterProblems(component, value, getComponent, label, path));
    } else if (attribute.type === 'dynamiczone' && Array.isArray(value)) {
      value.forEach((item, i) => {
        const uid = asObject(item)?.__component;
        const component = typeof uid === 'string' ? getComponent(uid) : undefined;
        if (component)
          problems.push(...controlCharacterProblems(component, item, getComponent, label, [...path, String(i)]));
      });
    }
  }
  return problems;
}
