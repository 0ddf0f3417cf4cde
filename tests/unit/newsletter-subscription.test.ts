import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DELIVERY_RETENTION_DAYS } from '@ikz/cms/newsletter/sending/retention';
import { parseFields } from '@ikz/cms/forms/fields';
import {
  consentOfVersion,
  consentParts,
  NEWSLETTER_CONSENT,
  NEWSLETTER_CONSENT_VERSIONS,
} from '@ikz/shared-types/newsletter-consent';
import { csvCell, exportFileName, subscribersCsv } from '@ikz/cms/newsletter/subscription/export';
import { isSitePath, signUpSchema, unsubscribeRequestSchema } from '@ikz/cms/newsletter/subscription/input';
import {
  canUnsubscribe,
  confirmFields,
  confirmOutcome,
  normalizeEmail,
  PROOF_RETENTION_MS,
  signUpAction,
  signUpFields,
  staleAction,
  revertFields,
  unsubscribeFields,
  type SubscriberRecord,
} from '@ikz/cms/newsletter/subscription/rules';
import { confirmMail, confirmUrl, signUpFormHtml, unsubscribeLinkMail } from '@ikz/cms/newsletter/subscription/texts';
import { CONFIRM_VALIDITY_MS, confirmExpiry, hashToken, isTokenShaped, newConfirmToken } from '@ikz/cms/forms/tokens';

const NOW = new Date('2026-12-05T10:00:00.000Z');

describe('confirmation tokens', () => {
  it('are 256 random bits, stored only as their SHA-256 hash', () => {
    const a = newConfirmToken();
    const b = newConfirmToken();
    expect(a.token).not.toBe(b.token);
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(32);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).toBe(hashToken(a.token));
    expect(a.hash).not.toContain(a.token);
    expect(isTokenShaped(a.token)).toBe(true);
  });

  it('refuse anything that is not token-shaped before a lookup', () => {
    for (const bad of ['', 'abc', `${newConfirmToken().token}x`, `${'a'.repeat(42)}=`, ['x'], { t: 1 }, undefined])
      expect(isTokenShaped(bad)).toBe(false);
  });

  it('are valid for 7 days', () => {
    expect(confirmExpiry(NOW).getTime() - NOW.getTime()).toBe(7 * 24 * 3600 * 1000);
    expect(CONFIRM_VALIDITY_MS).toBe(604_800_000);
  });
});

describe('state transitions', () => {
  it('a sign-up creates, renews pending, former and bouncing subscribers (a new double opt-in), and leaves confirmed ones alone', () => {
    expect(signUpAction(null)).toBe('create');
    expect(signUpAction({ state: 'pending' })).toBe('renew');
    expect(signUpAction({ state: 'unsubscribed' })).toBe('renew');
    expect(signUpAction({ state: 'confirmed' })).toBe('none');
    expect(signUpAction({ state: 'bouncing' })).toBe('renew');
  });

  it('a confirmation confirms a valid pending link, says "already" for a confirmed one and tells expired from unknown', () => {
    const valid = new Date(NOW.getTime() + 1000).toISOString();
    const past = new Date(NOW.getTime() - 1).toISOString();
    expect(confirmOutcome({ state: 'pending', confirmExpiresAt: valid }, NOW)).toBe('confirm');
    expect(confirmOutcome({ state: 'pending', confirmExpiresAt: NOW.toISOString() }, NOW)).toBe('expired');
    expect(confirmOutcome({ state: 'pending', confirmExpiresAt: past }, NOW)).toBe('expired');
    expect(confirmOutcome({ state: 'pending', confirmExpiresAt: null }, NOW)).toBe('expired');
    expect(confirmOutcome({ state: 'confirmed', confirmExpiresAt: past }, NOW)).toBe('already');
    expect(confirmOutcome({ state: 'unsubscribed', confirmExpiresAt: valid }, NOW)).toBe('unknown');
    expect(confirmOutcome(null, NOW)).toBe('unknown');
  });

  it('a sign-up records the proof of the request; a confirmation its time and a fresh unsubscribe salt', () => {
    const fields = signUpFields({
      email: 'a@example.org',
      consentVersion: 'v1',
      sourcePage: '/newsletter/',
      tokenHash: 'h'.repeat(64),
      now: NOW,
      expiresAt: confirmExpiry(NOW),
      messageId: '<m@x>',
    });
    expect(fields).toEqual({
      email: 'a@example.org',
      state: 'pending',
      requestedAt: NOW.toISOString(),
      consentVersion: 'v1',
      sourcePage: '/newsletter/',
      confirmTokenHash: 'h'.repeat(64),
      confirmExpiresAt: '2026-12-12T10:00:00.000Z',
      confirmMailSentAt: NOW.toISOString(),
      confirmMailMessageId: '<m@x>',
    });
    expect(confirmFields(NOW, 'salt')).toMatchObject({
      state: 'confirmed',
      confirmedAt: NOW.toISOString(),
      unsubscribeSalt: 'salt',
      unsubscribedAt: null,
      unsubscribeChannel: null,
    });
    expect(confirmFields(NOW, 'salt')).not.toHaveProperty('confirmTokenHash');
  });

  it('only confirmed or bouncing subscribers can unsubscribe', () => {
    expect(
      ['pending', 'confirmed', 'unsubscribed', 'bouncing'].filter((state) =>
        canUnsubscribe({ state: state as SubscriberRecord['state'] }),
      ),
    ).toEqual(['confirmed', 'bouncing']);
  });

  it('normalises addresses to lower case without surrounding space', () => {
    expect(normalizeEmail('  Erika.Muster@Gemeinde.DE ')).toBe('erika.muster@gemeinde.de');
  });
});

describe('what stays after unsubscribing', () => {
  const confirmed: SubscriberRecord = {
    documentId: 'abc123abc123abc123abc123',
    email: 'a@example.org',
    state: 'confirmed',
    requestedAt: '2026-01-01T00:00:00.000Z',
    consentVersion: 'v1',
    sourcePage: '/newsletter/',
    confirmTokenHash: 'h'.repeat(64),
    confirmExpiresAt: '2026-01-08T00:00:00.000Z',
    confirmMailSentAt: '2026-01-01T00:00:00.000Z',
    confirmMailMessageId: '<m@x>',
    confirmedAt: '2026-01-01T01:00:00.000Z',
    unsubscribeSalt: 'salt',
    unsubscribedAt: null,
    unsubscribeChannel: null,
    hardBounces: 1,
    lastBounceAt: '2026-02-01T00:00:00.000Z',
  };

  it('keeps the proof of consent and the withdrawal; drops token, salt and bounces', () => {
    const after = { ...confirmed, ...unsubscribeFields(NOW, 'one-click') };
    expect(after).toEqual({
      documentId: confirmed.documentId,
      email: 'a@example.org',
      state: 'unsubscribed',
      requestedAt: confirmed.requestedAt,
      consentVersion: 'v1',
      sourcePage: '/newsletter/',
      confirmTokenHash: null,
      confirmExpiresAt: null,
      confirmMailSentAt: confirmed.confirmMailSentAt,
      confirmMailMessageId: '<m@x>',
      confirmedAt: confirmed.confirmedAt,
      unsubscribeSalt: null,
      unsubscribedAt: NOW.toISOString(),
      unsubscribeChannel: 'one-click',
      hardBounces: 0,
      lastBounceAt: null,
    });
  });

  it('the hourly cleanup deletes expired requests and puts expired re-sign-ups back to unsubscribed', () => {
    const expired = new Date(NOW.getTime() - 1).toISOString();
    const valid = new Date(NOW.getTime() + 1).toISOString();
    const none = { unsubscribedAt: null, lastBounceAt: null };
    expect(staleAction({ state: 'pending', confirmExpiresAt: expired, ...none }, NOW)).toBe('delete');
    expect(staleAction({ state: 'pending', confirmExpiresAt: valid, ...none }, NOW)).toBeNull();
    expect(
      staleAction(
        { state: 'pending', confirmExpiresAt: expired, ...none, unsubscribedAt: '2026-03-01T00:00:00.000Z' },
        NOW,
      ),
    ).toBe('revert');
    expect(
      staleAction(
        { state: 'pending', confirmExpiresAt: valid, ...none, unsubscribedAt: '2026-03-01T00:00:00.000Z' },
        NOW,
      ),
    ).toBeNull();
    expect(staleAction({ state: 'confirmed', confirmExpiresAt: expired, ...none }, NOW)).toBeNull();
  });

  it('puts an unconfirmed re-sign-up back as it was: unsubscribed, or bouncing', () => {
    const expired = new Date(NOW.getTime() - 1).toISOString();
    const bounced = {
      state: 'pending' as const,
      confirmExpiresAt: expired,
      unsubscribedAt: null,
      lastBounceAt: '2026-06-01T00:00:00.000Z',
    };
    expect(staleAction(bounced, NOW)).toBe('revert');
    expect(revertFields(bounced)).toEqual({ state: 'bouncing', confirmTokenHash: null, confirmExpiresAt: null });
    expect(revertFields({ unsubscribedAt: '2026-03-01T00:00:00.000Z' })).toEqual({
      state: 'unsubscribed',
      confirmTokenHash: null,
      confirmExpiresAt: null,
    });
  });

  it('deletes the proof of a withdrawn consent 3 years after unsubscribing, not before', () => {
    const at = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
    expect(
      staleAction(
        { state: 'unsubscribed', confirmExpiresAt: null, unsubscribedAt: at(PROOF_RETENTION_MS), lastBounceAt: null },
        NOW,
      ),
    ).toBe('delete');
    expect(
      staleAction(
        {
          state: 'unsubscribed',
          confirmExpiresAt: null,
          unsubscribedAt: at(PROOF_RETENTION_MS - 1000),
          lastBounceAt: null,
        },
        NOW,
      ),
    ).toBeNull();
    // A bouncing address: 3 years after its last bounce.
    expect(
      staleAction(
        { state: 'bouncing', confirmExpiresAt: null, unsubscribedAt: null, lastBounceAt: at(PROOF_RETENTION_MS) },
        NOW,
      ),
    ).toBe('delete');
    expect(
      staleAction(
        {
          state: 'bouncing',
          confirmExpiresAt: null,
          unsubscribedAt: null,
          lastBounceAt: at(PROOF_RETENTION_MS - 1000),
        },
        NOW,
      ),
    ).toBeNull();
    expect(PROOF_RETENTION_MS).toBe(3 * 365 * 86_400_000);
  });
});

describe('the CSV export', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}HYPERLINK("x")`)).toBe(`"'${start}HYPERLINK(""x"")"`);
    expect(csvCell('a@example.org')).toBe('"a@example.org"');
  });

  it('is UTF-8 with BOM, semicolons, CRLF and a German header row', () => {
    const csv = subscribersCsv([
      { email: 'ä@example.org', confirmedAt: '2026-01-01T00:00:00.000Z', consentVersion: 'v1' },
      { email: '=cmd|x@example.org', confirmedAt: null, consentVersion: null },
    ]);
    expect(csv.startsWith('\uFEFF"E-Mail-Adresse";"Bestätigt am";"Version der Einwilligung"\r\n')).toBe(true);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFF"E-Mail-Adresse";"Bestätigt am";"Version der Einwilligung"',
      '"ä@example.org";"2026-01-01T00:00:00.000Z";"v1"',
      `"'=cmd|x@example.org";"";""`,
      '',
    ]);
    expect(exportFileName(NOW)).toBe('newsletter-abonnements-2026-12-05.csv');
  });
});

describe('the consent text', () => {
  it('is versioned in one place; unknown versions are refused', () => {
    expect(consentOfVersion(NEWSLETTER_CONSENT.version)).toBe(NEWSLETTER_CONSENT);
    expect(consentOfVersion('1999-01')).toBeNull();
    expect(new Set(NEWSLETTER_CONSENT_VERSIONS.map((c) => c.version)).size).toBe(NEWSLETTER_CONSENT_VERSIONS.length);
    for (const c of NEWSLETTER_CONSENT_VERSIONS) expect(c.text).toContain(c.linkText);
    expect(consentParts().join('')).toBe(NEWSLETTER_CONSENT.text);
    expect(NEWSLETTER_CONSENT.text).toMatch(/jederzeit widerrufen/);
  });
});

describe('the sign-up fields', () => {
  const valid = {
    email: 'erika@example.org',
    consent: 'ja',
    consentVersion: NEWSLETTER_CONSENT.version,
    source: '/newsletter/',
    website: '',
    altcha: '',
  };

  it('accept a plain sign-up', () => {
    expect(parseFields(signUpSchema, valid)).toEqual({
      ok: true,
      data: {
        email: 'erika@example.org',
        consent: 'ja',
        consentVersion: NEWSLETTER_CONSENT.version,
        source: '/newsletter/',
      },
    });
    expect(parseFields(signUpSchema, { ...valid, email: ' Erika@Example.ORG ' })).toMatchObject({
      ok: true,
      data: { email: 'erika@example.org' },
    });
  });

  it('refuse hostile and missing values with German messages', () => {
    const errorsOf = (fields: Record<string, string>) => {
      const result = parseFields(signUpSchema, fields);
      return result.ok ? {} : result.errors;
    };
    expect(errorsOf({ ...valid, email: 'erika@example.org\r\nBcc: x@example.org' }).email).toMatch(/E-Mail-Adresse/);
    expect(errorsOf({ ...valid, email: `${'a'.repeat(290)}@example.org` }).email).toMatch(/höchstens 254 Zeichen/);
    expect(errorsOf({ ...valid, email: 'keine-adresse' }).email).toMatch(/gültige E-Mail-Adresse/);
    const { consent: _c, ...withoutConsent } = valid;
    expect(errorsOf(withoutConsent).consent).toMatch(/Bitte bestätigen Sie/);
    expect(errorsOf({ ...valid, consent: 'on' }).consent).toMatch(/Bitte bestätigen Sie/);
    expect(errorsOf({ ...valid, consentVersion: '1999-01' }).consentVersion).toMatch(/unbekannt/);
    for (const source of [
      'https://evil.example/',
      '//evil.example/',
      '/a/../b/',
      '/x?y=1',
      '/ä/',
      `/${'a'.repeat(200)}/`,
    ])
      expect(errorsOf({ ...valid, source }).source).toMatch(/ungültig|höchstens/);
    expect(parseFields(unsubscribeRequestSchema, { email: 'x\n@example.org' }).ok).toBe(false);
  });

  it('accept only paths of this site as the source page', () => {
    expect(['/', '/newsletter/', '/projekte/abfall-kooperation/'].every(isSitePath)).toBe(true);
  });
});

describe('mails and pages', () => {
  it('the confirmation mail is German, has a text part and the confirmation link, and no advertising', () => {
    const { token } = newConfirmToken();
    const mail = confirmMail('https://www.example.org', token);
    expect(mail.subject).toBe('Bitte bestätigen Sie Ihre Newsletter-Anmeldung');
    expect(mail.text).toContain(confirmUrl('https://www.example.org', token));
    expect(confirmUrl('https://www.example.org', token)).toBe(
      `https://www.example.org/formulare/newsletter/bestaetigen?t=${token}`,
    );
    expect(mail.text).toMatch(/Falls Sie sich nicht angemeldet haben/);
    expect(mail.html).toContain('lang="de"');
    expect(mail.html).toContain(`href="https://www.example.org/formulare/newsletter/bestaetigen?t=${token}"`);
    expect(unsubscribeLinkMail('https://x.example/a?t=1&amp;k=2').html).toContain(
      'href="https://x.example/a?t=1&amp;amp;k=2"',
    );
  });

  it('the form shown again escapes what was typed', () => {
    const form = String(
      signUpFormHtml(
        { version: 'v1', parts: consentParts() },
        { email: '"><script>alert(1)</script>', source: 'javascript:alert(1)' },
        { email: 'Fehler <b>' },
      ),
    );
    expect(form).not.toContain('<script>');
    expect(form).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(form).toContain('Fehler &lt;b&gt;');
    expect(form).toContain('id="feld-email" name="email"');
    expect(form).toContain('aria-invalid="true" aria-describedby="feld-email-fehler"');
    expect(form).toContain('id="feld-consent" name="consent" type="checkbox" value="ja" required>');
    expect(form).toContain('name="source" value="/newsletter/"');
  });
});

describe('the Datenschutzerklärung', () => {
  it('tells readers the periods the code keeps: 7 days for a request, 30 days for a delivery record, 3 years for the proof', () => {
    const page = fs.readFileSync(new URL('../../site/src/content/pages/datenschutz.mdx', import.meta.url), 'utf8');
    const section = page.slice(page.indexOf('## Newsletter per E-Mail'), page.indexOf('## Newsletter-Feed'));
    expect(section).toContain(`Der Link gilt ${CONFIRM_VALIDITY_MS / 86_400_000} Tage`);
    expect(section).toContain(`**${DELIVERY_RETENTION_DAYS} Tage nach Abschluss des Versands**`);
    expect(PROOF_RETENTION_MS / (365 * 86_400_000)).toBe(3);
    expect(section).toContain('drei Jahre nach der Abmeldung');
    expect(section).toContain('drei Jahre nach der letzten Abweisung');
    expect(section).toContain('speichern wir keine IP-Adresse');
  });
});
