/**
 * German messages for Strapi's built-in validation errors (yup's English texts), with the field's German
 * label from the admin layout. Pure; used by the document-service middleware.
 */
import { COMPONENT_LAYOUTS, CONTENT_TYPE_LAYOUTS } from './admin-layout.ts';
import { summarize } from './validation.ts';

export function fieldLabel(uid: string, path: string[]): string {
  const top = path[0];
  if (!top) return 'Eintrag';
  if (path.includes('children')) return CONTENT_TYPE_LAYOUTS[uid]?.fields[top]?.[0] ?? top;
  const named = path.filter((segment) => !/^\d+$/.test(segment));
  const last = named[named.length - 1]!;
  if (named.length > 1) {
    for (const layout of Object.values(COMPONENT_LAYOUTS)) {
      const label = layout.fields[last]?.[0];
      if (label) return `${CONTENT_TYPE_LAYOUTS[uid]?.fields[top]?.[0] ?? top} › ${label}`;
    }
  }
  return CONTENT_TYPE_LAYOUTS[uid]?.fields[top]?.[0] ?? last;
}

const RULES: [RegExp, (label: string, m: RegExpMatchArray) => string][] = [
  [/must be defined|is a required field|cannot be null/, (l) => `„${l}“ ist ein Pflichtfeld.`],
  [/must be one of the following values/, (l) => `„${l}“ hat keinen zulässigen Wert.`],
  [/must be at least (\d+) characters/, (l, m) => `„${l}“ muss mindestens ${m[1]} Zeichen lang sein.`],
  [/must be at most (\d+) characters/, (l, m) => `„${l}“ darf höchstens ${m[1]} Zeichen lang sein.`],
  [/must be greater than or equal to (-?[\d.]+)/, (l, m) => `„${l}“ muss mindestens ${m[1]} sein.`],
  [/must be less than or equal to (-?[\d.]+)/, (l, m) => `„${l}“ darf höchstens ${m[1]} sein.`],
  [/must be a valid email/, (l) => `„${l}“ ist keine gültige E-Mail-Adresse.`],
  [/must match the following/, (l) => `„${l}“ hat nicht das erwartete Format.`],
  [/must be an integer/, (l) => `„${l}“ muss eine ganze Zahl sein.`],
  [/unique|already taken/, (l) => `„${l}“ ist bereits vergeben.`],
  [/must be a `(\w+)` type/, (l) => `„${l}“ hat einen ungültigen Wert.`],
  [/valid link/, (l) => `„${l}“ enthält einen ungültigen Link (erlaubt sind https://…, http://… und mailto:…).`],
];

export function translateMessage(uid: string, path: string[], message: string): string {
  const label = fieldLabel(uid, path);
  for (const [pattern, render] of RULES) {
    const match = message.match(pattern);
    if (match) return render(label, match);
  }
  return /[äöüßÄÖÜ]|\b(ist|muss|braucht|fehlt|liegt)\b/.test(message) ? message : `„${label}“: ${message}`;
}

export interface DetailError {
  path: string[];
  message: string;
  [key: string]: unknown;
}

/** Translates every detail error and builds the summary line. */
export function translateErrors(uid: string, errors: DetailError[]): { message: string; errors: DetailError[] } {
  const translated = errors.map((e) => ({ ...e, message: translateMessage(uid, e.path ?? [], e.message) }));
  return { message: summarize(translated), errors: translated };
}
