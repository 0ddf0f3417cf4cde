/**
 * The forms' proof of work (ALTCHA, altcha-lib): the server hands out a challenge signed with IKZ_FORM_SECRET,
 * the browser finds a counter whose SHA-256 chain starts with the required prefix (about half a second on an
 * older office PC), and the form sends the solution in its `altcha` field. Nothing leaves the site, no cookie is
 * set. A solution is accepted once (replays are remembered until the challenge expires), and the challenge
 * carries the time it was issued, so a form submitted faster than a person can type is recognised.
 */
import { createChallenge, verifySolution, type Challenge, type Payload, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';

export const CHALLENGE_ALGORITHM = 'SHA-256';
/** SHA-256 rounds per attempt and the hex prefix to hit: ~4,096 attempts × 3 rounds on average (well under a second in a browser). */
export const CHALLENGE_COST = 3;
export const CHALLENGE_PREFIX = '000';
export const CHALLENGE_LIFETIME_MS = 20 * 60_000;

export async function issueChallenge(secret: string, now = Date.now()): Promise<Challenge> {
  return createChallenge({
    algorithm: CHALLENGE_ALGORITHM,
    cost: CHALLENGE_COST,
    keyPrefix: CHALLENGE_PREFIX,
    deriveKey,
    hmacSignatureSecret: secret,
    expiresAt: Math.floor((now + CHALLENGE_LIFETIME_MS) / 1000),
    data: { issuedAt: now },
  });
}

export type ChallengeCheck =
  | { ok: true; issuedAt: number; signature: string }
  | { ok: false; reason: 'malformed' | 'invalid' | 'expired' | 'replayed' };

/** Decodes the `altcha` field (base64 of `{ challenge, solution }`), tolerating nothing else. */
export function decodePayload(field: string): Payload | null {
  if (field.length > 4_000 || !/^[A-Za-z0-9+/=_-]+$/.test(field)) return null;
  try {
    const value = JSON.parse(Buffer.from(field, 'base64').toString('utf8')) as Partial<Payload>;
    const challenge = value?.challenge as Challenge | undefined;
    const solution = value?.solution as Solution | undefined;
    if (
      !challenge?.parameters ||
      typeof challenge.signature !== 'string' ||
      typeof solution?.counter !== 'number' ||
      typeof solution.derivedKey !== 'string'
    )
      return null;
    return { challenge, solution };
  } catch {
    return null;
  }
}

/** Solutions already used, until their challenge expires (bounded: the oldest go first). */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();
  private readonly capacity: number;
  constructor(capacity = 50_000) {
    this.capacity = capacity;
  }
  /** Records a signature; false when it was used before. */
  claim(signature: string, expiresAtMs: number, now = Date.now()): boolean {
    for (const [key, until] of this.seen) {
      if (until > now && this.seen.size < this.capacity) break;
      this.seen.delete(key);
    }
    if (this.seen.has(signature)) return false;
    this.seen.set(signature, expiresAtMs);
    return true;
  }
}

export async function checkChallenge(
  secret: string,
  field: string,
  replays: ReplayGuard,
  now = Date.now(),
): Promise<ChallengeCheck> {
  const payload = decodePayload(field);
  if (!payload) return { ok: false, reason: 'malformed' };
  const result = await verifySolution({
    challenge: payload.challenge,
    solution: payload.solution,
    deriveKey,
    hmacSignatureSecret: secret,
  });
  if (result.expired) return { ok: false, reason: 'expired' };
  if (!result.verified) return { ok: false, reason: 'invalid' };
  const { parameters } = payload.challenge;
  if (
    parameters.algorithm !== CHALLENGE_ALGORITHM ||
    parameters.cost < CHALLENGE_COST ||
    !parameters.keyPrefix.startsWith(CHALLENGE_PREFIX)
  )
    return { ok: false, reason: 'invalid' };
  const issuedAt = Number(parameters.data?.issuedAt);
  const expiresAtMs = (parameters.expiresAt ?? 0) * 1000;
  if (!Number.isFinite(issuedAt) || !expiresAtMs) return { ok: false, reason: 'invalid' };
  if (expiresAtMs < now) return { ok: false, reason: 'expired' };
  if (!replays.claim(payload.challenge.signature!, expiresAtMs, now)) return { ok: false, reason: 'replayed' };
  return { ok: true, issuedAt, signature: payload.challenge.signature! };
}
