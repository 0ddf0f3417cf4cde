/**
 * Suggestions as one types a municipality's name (the project report form's combobox, browser/municipality-combobox.ts).
 * Pure. Matching ignores case and accents and finds umlauts however they are typed (münster, muenster,
 * munster, MÜNSTER; ß and ss); a leading „Stadt“, „Gemeinde“ or „Kreisstadt“ is not part of any name and is ignored
 * („Stadt Münster“ → Münster); „St.“ stands for „Sankt“. Every word typed must occur in the name. Names that
 * start with what was typed come first, then names with a word starting with it, then the rest; each
 * alphabetically.
 */

export interface SearchChoice {
  /** The value sent (the AGS). */
  value: string;
  name: string;
  /** The group shown with it (the Regierungsbezirk). */
  group?: string;
}

const LEADING_WORDS = /^(?:stadt|gemeinde|kreisstadt|hansestadt)\s+(?=\S)/;

/** A name or a query as it is compared: lower case, umlauts spelled out (or not), no accents, words separated by one space. */
export function searchKey(text: string, spellOut = true): string {
  const lower = text.toLowerCase();
  return (spellOut ? lower.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue') : lower)
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\bst\.\s*/g, 'sankt ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The query's key without a leading „Stadt“ or „Gemeinde“. */
export function queryKey(query: string): string {
  return searchKey(query).replace(LEADING_WORDS, '');
}

const collator = new Intl.Collator('de');

/** The choices matching `query`, best first, at most `limit` (all by default); none for an empty query. */
export function suggest<T extends SearchChoice>(choices: readonly T[], query: string, limit = Infinity): T[] {
  const key = queryKey(query);
  if (!key) return [];
  const words = key.split(' ');
  const ranked: { choice: T; rank: number }[] = [];
  for (const choice of choices) {
    // „münster“ and „muenster“ find Münster through the spelled-out form, „munster“ through the plain one.
    const name = [searchKey(choice.name), searchKey(choice.name, false)].find((form) =>
      words.every((word) => form.includes(word)),
    );
    if (name === undefined) continue;
    const rank = name.startsWith(key) ? 0 : ` ${name}`.includes(` ${words[0]}`) ? 1 : 2;
    ranked.push({ choice, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || collator.compare(a.choice.name, b.choice.name));
  return ranked.slice(0, limit).map((r) => r.choice);
}

/** What the live region says about the suggestions (German). */
export function resultsText(count: number, total: number): string {
  if (count === 0) return 'Keine passende Kommune gefunden.';
  const shown = count < total ? `, die ersten ${count} werden angezeigt` : '';
  return `${total === 1 ? '1 Kommune' : `${total} Kommunen`} gefunden${shown}. Mit Pfeiltasten auswählen, mit Eingabetaste übernehmen.`;
}
