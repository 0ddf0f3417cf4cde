/**
 * How often a client may send a form, and how many mails one address may be sent. Counters live in memory
 * only (they are lost at a restart, and no address is ever written to disk for them): per client address and
 * form within an hour – more when the proof of work was solved, fewer without JavaScript – plus one budget per
 * client address over all forms; and per recipient address (kept as a hash) within a day.
 */
import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

const HOUR = 3600;

export type LimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export class FormLimits {
  private readonly perForm = new Map<string, RateLimiterMemory>();
  /** All forms together, per client address and hour. */
  private readonly overall: RateLimiterMemory;

  constructor(overallPerHour = 60) {
    this.overall = new RateLimiterMemory({ keyPrefix: 'forms', points: overallPerHour, duration: HOUR });
  }

  private limiter(form: string, solved: boolean, points: number): RateLimiterMemory {
    const key = `${form}:${solved ? 'solved' : 'plain'}:${points}`;
    let limiter = this.perForm.get(key);
    if (!limiter) {
      limiter = new RateLimiterMemory({ keyPrefix: key, points, duration: HOUR });
      this.perForm.set(key, limiter);
    }
    return limiter;
  }

  /** Counts one submission of `form` by `client`; refused once either budget is used up. */
  async consume(client: string, form: string, solved: boolean, perHour: number): Promise<LimitVerdict> {
    try {
      await this.overall.consume(client);
      await this.limiter(form, solved, perHour).consume(client);
      return { ok: true };
    } catch (error) {
      if (error instanceof RateLimiterRes)
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
      throw error;
    }
  }
}

/** A fixed window per recipient address; synchronous, so it can guard a send without a race. */
export class MailCaps {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly windowMs: number;
  private readonly capacity: number;
  constructor(windowMs = 24 * HOUR * 1000, capacity = 100_000) {
    this.windowMs = windowMs;
    this.capacity = capacity;
  }

  allow(address: string, perWindow: number, now = Date.now()): boolean {
    const key = createHash('sha256').update(address.trim().toLowerCase()).digest('base64url');
    const current = this.windows.get(key);
    if (!current || now - current.start >= this.windowMs) {
      if (this.windows.size >= this.capacity) this.prune(now);
      this.windows.set(key, { start: now, count: 1 });
      return perWindow >= 1;
    }
    if (current.count >= perWindow) return false;
    current.count += 1;
    return true;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
    // Still full: drop the oldest (a Map keeps insertion order).
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.capacity) break;
      this.windows.delete(key);
    }
  }
}
