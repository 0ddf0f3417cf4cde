/**
 * What editors are told about a failed build: in German, what went wrong and what happens now – never the
 * build log, file paths or internal addresses (those go to the operator's log only). The kind is read from the
 * error's type (and the types of its causes), not from its wording.
 */
import { StrapiRequestError } from '@ikz/shared-types/rest';
import { ReleaseCheckError } from '@ikz/site/builder/errors';

export const FAILURE_MESSAGES = {
  strapi:
    'Die Inhalte konnten nicht aus Strapi gelesen werden (Strapi war nicht erreichbar). Die Website zeigt weiter den vorherigen Stand; der Neubau wird wiederholt, sobald Strapi wieder erreicht wird.',
  token:
    'Strapi hat den Lesezugang der Website abgelehnt. Bitte wenden Sie sich an den Betrieb; die Website zeigt weiter den vorherigen Stand.',
  check:
    'Die neue Fassung der Website hat die Prüfung vor dem Veröffentlichen nicht bestanden und wurde nicht veröffentlicht. Der Betrieb ist über das Protokoll informiert.',
  other:
    'Der Neubau ist an einem technischen Fehler gescheitert. Die Website zeigt weiter den vorherigen Stand; der Betrieb ist über das Protokoll informiert.',
} as const;

export type FailureKind = keyof typeof FAILURE_MESSAGES;

/** The error and its causes, outermost first (a cycle or a very long chain ends the walk). */
function* causeChain(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  for (let current = error; current !== undefined && current !== null && !seen.has(current) && seen.size < 16;) {
    seen.add(current);
    yield current;
    current = current instanceof Error ? current.cause : undefined;
  }
}

export function failureKind(error: unknown): FailureKind {
  for (const cause of causeChain(error)) {
    if (cause instanceof ReleaseCheckError) return 'check';
    if (cause instanceof StrapiRequestError) {
      if (cause.status === null) return 'strapi';
      return cause.status === 401 || cause.status === 403 ? 'token' : 'other';
    }
  }
  return 'other';
}

export const editorMessage = (error: unknown) => FAILURE_MESSAGES[failureKind(error)];
