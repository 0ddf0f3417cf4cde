/**
 * The browser's half of the forms' proof of work (the server's half: cms/src/forms/challenge.ts): fetches a
 * challenge from /formulare/challenge, finds the counter with altcha-lib's Web Crypto solver and returns the value
 * of the form's hidden `altcha` field. Runs only where scripts run; a form sent without it is accepted under
 * stricter limits. Nothing is stored in the browser.
 */
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';

export const CHALLENGE_URL = '/formulare/challenge';

/** base64 of `{ challenge, solution }`, as the server decodes it. */
export function encodePayload(
  challenge: Challenge,
  solution: { counter: number; derivedKey: string; time?: number },
): string {
  const json = JSON.stringify({
    challenge: { parameters: challenge.parameters, signature: challenge.signature },
    solution,
  });
  return btoa(String.fromCharCode(...new TextEncoder().encode(json)));
}

export async function solveFormChallenge(signal?: AbortSignal): Promise<string> {
  const response = await fetch(CHALLENGE_URL, { headers: { Accept: 'application/json' }, cache: 'no-store', signal });
  if (!response.ok) throw new Error(`challenge: HTTP ${response.status}`);
  const challenge = (await response.json()) as Challenge;
  const controller = new AbortController();
  signal?.addEventListener('abort', () => controller.abort(), { once: true });
  const solution = await solveChallenge({ challenge, deriveKey, controller, timeout: 60_000 });
  if (!solution) throw new Error('challenge: not solved');
  return encodePayload(challenge, solution);
}
