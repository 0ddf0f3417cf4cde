/**
 * What editors are told about a failed build: in German, what went wrong and what happens now – never the
 * build log, file paths or internal addresses (those go to the operator's log only).
 */
export const FAILURE_MESSAGES = {
  strapi: 'Die Inhalte konnten nicht aus Strapi gelesen werden (Strapi war nicht erreichbar). Die Website zeigt weiter den vorherigen Stand; der Neubau wird wiederholt, sobald Strapi wieder erreicht wird.',
  token: 'Strapi hat den Lesezugang der Website abgelehnt. Bitte wenden Sie sich an den Betrieb; die Website zeigt weiter den vorherigen Stand.',
  check: 'Die neue Fassung der Website hat die Prüfung vor dem Veröffentlichen nicht bestanden und wurde nicht veröffentlicht. Der Betrieb ist über das Protokoll informiert.',
  other: 'Der Neubau ist an einem technischen Fehler gescheitert. Die Website zeigt weiter den vorherigen Stand; der Betrieb ist über das Protokoll informiert.',
} as const;

export type FailureKind = keyof typeof FAILURE_MESSAGES;

export function failureKind(error: unknown): FailureKind {
  const text = error instanceof Error ? `${error.message} ${error.cause instanceof Error ? error.cause.message : ''}` : String(error);
  if (/not reachable|ECONNREFUSED|fetch failed/i.test(text)) return 'strapi';
  if (/token was refused|failed with 40[13]/i.test(text)) return 'token';
  if (/Release check failed/i.test(text)) return 'check';
  return 'other';
}

export const editorMessage = (error: unknown) => FAILURE_MESSAGES[failureKind(error)];
