import { describe, expect, it } from 'vitest';
import { readMunicipalityChoices } from '@ikz/shared-types/reference-data';
import { addDays, berlinDay, latestValidUntil, partnerSearchExpired } from '@ikz/shared-types/partner-search';
import { parseFields } from '@ikz/cms/forms/fields';
import { assertHeaderSafe } from '@ikz/cms/mail/send';
import { posterRecordDue } from '@ikz/cms/partner-search/expiry';
import { parseDay, partnerSearchSchema, replySchema } from '@ikz/cms/partner-search/input';
import { draftPartnerSearch, pendingReply, pendingSubmission, relayedReply } from '@ikz/cms/partner-search/rules';
import {
  acknowledgementMail,
  confirmMail,
  headerText,
  partnerSearchFormHtml,
  relayedNoticeMail,
  relayMail,
  replyConfirmMail,
  replyFormHtml,
} from '@ikz/cms/partner-search/texts';

const groups = readMunicipalityChoices();
const topics = [
  { slug: 'digitalisierung', name: 'Digitalisierung' },
  { slug: 'bauhof', name: 'Bauhof und Grünflächen' },
];
const TODAY = '2026-12-05';
const schema = partnerSearchSchema(groups, topics, TODAY);
const valid = {
  title: 'Partner für gemeinsame Vergabestelle gesucht',
  municipality: '05314000', // Bonn
  topics: ['digitalisierung'],
  offer: 'Erfahrung mit der E-Vergabe und eine eingearbeitete Vergabestelle.',
  seek: 'Zwei bis drei Kommunen, die ihre Vergaben gemeinsam abwickeln möchten.',
  validUntil: '2027-06-30',
  name: 'Erika Mustermann',
  email: 'Erika.Mustermann@Bonn.example',
  consent: 'ja',
};
const reply = {
  entry: 'abcdefghij0123456789klmn',
  name: 'Max Muster',
  organisation: 'Stadt Troisdorf',
  email: 'Max.Muster@Troisdorf.example',
  message: 'Wir hätten großes Interesse an einer gemeinsamen Vergabestelle.',
  consent: 'ja',
};

describe('the expiry rule', () => {
  it('shows an entry up to and including its day, and not from the next day on', () => {
    expect(partnerSearchExpired('2026-12-05', '2026-12-05')).toBe(false);
    expect(partnerSearchExpired('2026-12-06', '2026-12-05')).toBe(false);
    expect(partnerSearchExpired('2026-12-04', '2026-12-05')).toBe(true);
    expect(partnerSearchExpired('2026-12-31T00:00:00.000Z', '2027-01-01')).toBe(true);
  });

  it('counts a missing or malformed date as expired', () => {
    for (const value of [null, undefined, '', '2026-02-30', 'morgen', '31.12.2026'])
      expect(partnerSearchExpired(value, TODAY), String(value)).toBe(true);
  });

  it('takes the day in Berlin, not in UTC', () => {
    // 23:30 UTC on 31 December is already 1 January in Berlin.
    expect(berlinDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(berlinDay(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
    expect(berlinDay(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });

  it('allows at most one year ahead', () => {
    expect(latestValidUntil(TODAY)).toBe('2027-12-05');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('the poster record', () => {
  it('is kept while the entry runs and 30 days after, and goes when the entry is deleted', () => {
    expect(posterRecordDue('2026-12-05', TODAY)).toBe(false);
    expect(posterRecordDue('2026-11-05', TODAY)).toBe(false);
    expect(posterRecordDue('2026-11-04', TODAY)).toBe(true);
    expect(posterRecordDue(null, TODAY)).toBe(true);
  });
});

describe('the entry form', () => {
  it('accepts a complete entry and resolves municipality and topics', () => {
    const parsed = parseFields(schema, valid);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data).toMatchObject({
      municipality: { ags: '05314000', name: 'Bonn' },
      topics: [{ slug: 'digitalisierung' }],
      validUntil: '2027-06-30',
      email: 'erika.mustermann@bonn.example',
      consent: true,
    });
  });

  it('reads a German date where the browser has no date picker', () => {
    expect(parseDay('30.6.2027')).toBe('2027-06-30');
    expect(parseDay(' 2027-06-30 ')).toBe('2027-06-30');
    expect(parseDay('31.02.2027')).toBeNull();
    expect(parseDay('bald')).toBeNull();
  });

  const errorsOf = (fields: Record<string, string | string[]>) => {
    const parsed = parseFields(schema, fields);
    return parsed.ok ? {} : parsed.errors;
  };

  it('refuses a municipality that does not exist, unknown topics and missing fields, in German', () => {
    expect(errorsOf({ ...valid, municipality: '99999999' }).municipality).toMatch(
      /Liste der Kommunen in Nordrhein-Westfalen/,
    );
    expect(errorsOf({ ...valid, topics: ['gibt-es-nicht'] }).topics).toBe(
      'Bitte wählen Sie nur Handlungsfelder aus der Liste aus.',
    );
    const { offer: _o, consent: _c, ...missing } = valid;
    const errors = errorsOf({ ...missing, topics: [] });
    expect(errors.offer).toBe('Bitte füllen Sie „Wir bieten“ aus.');
    expect(errors.consent).toMatch(/^Bitte bestätigen Sie/);
    expect(errors.topics).toBe('Bitte wählen Sie mindestens ein Handlungsfeld aus.');
  });

  it('refuses a date in the past, more than a year ahead, or no date', () => {
    expect(errorsOf({ ...valid, validUntil: '2026-12-04' }).validUntil).toBe(
      'Das Datum unter „Gültig bis“ liegt in der Vergangenheit.',
    );
    expect(errorsOf({ ...valid, validUntil: TODAY }).validUntil).toBeUndefined();
    expect(errorsOf({ ...valid, validUntil: '2027-12-05' }).validUntil).toBeUndefined();
    expect(errorsOf({ ...valid, validUntil: '2027-12-06' }).validUntil).toBe(
      'Eine Partnersuche kann höchstens ein Jahr gelten, also bis zum 05.12.2027.',
    );
    expect(errorsOf({ ...valid, validUntil: '2027-13-01' }).validUntil).toMatch(
      /^Bitte geben Sie unter „Gültig bis“ ein Datum an/,
    );
  });

  it('refuses CR/LF and control characters in one-line fields, and overlong text', () => {
    for (const attack of ['Titel\r\nBcc: alle@example.org', 'Titel\nX', 'Titel\u2028X', 'Titel\u0000'])
      expect(errorsOf({ ...valid, title: attack }).title, JSON.stringify(attack)).toMatch(
        /Zeilenumbrüche oder Steuerzeichen/,
      );
    expect(errorsOf({ ...valid, name: 'Erika\r\nBcc: x@example.org' }).name).toMatch(/Zeilenumbrüche/);
    expect(errorsOf({ ...valid, email: 'erika@bonn.example\r\nBcc: x@example.org' }).email).toMatch(
      /gültige E-Mail-Adresse/,
    );
    expect(errorsOf({ ...valid, offer: 'x'.repeat(3001) }).offer).toBe(
      '„Wir bieten“ darf höchstens 3000 Zeichen lang sein.',
    );
    expect(errorsOf({ ...valid, seek: 'zu kurz' }).seek).toBe('„Wir suchen“ muss mindestens 20 Zeichen lang sein.');
  });
});

describe('the reply form', () => {
  const errorsOf = (fields: Record<string, string>) => {
    const parsed = parseFields(replySchema, fields);
    return parsed.ok ? {} : parsed.errors;
  };
  it('accepts a reply; the organisation is optional', () => {
    expect(errorsOf(reply)).toEqual({});
    expect(errorsOf({ ...reply, organisation: '' })).toEqual({});
  });
  it('refuses CR/LF in the name, organisation and address, an entry id of the wrong shape, overlong text', () => {
    expect(errorsOf({ ...reply, name: 'Max\r\nBcc: alle@example.org' }).name).toMatch(/Zeilenumbrüche/);
    expect(errorsOf({ ...reply, organisation: 'Stadt\nX' }).organisation).toMatch(/Zeilenumbrüche/);
    expect(errorsOf({ ...reply, email: 'max@example.org\nBcc: y@example.org' }).email).toMatch(
      /gültige E-Mail-Adresse/,
    );
    expect(errorsOf({ ...reply, entry: '../../admin' }).entry).toBe('Diese Partnersuche gibt es nicht.');
    expect(errorsOf({ ...reply, message: 'x'.repeat(3001) }).message).toMatch(/höchstens 3000 Zeichen/);
  });
});

describe('the records', () => {
  const now = new Date('2026-12-05T10:00:00Z');
  const request = { tokenHash: 'a'.repeat(64), now, expiresAt: new Date('2026-12-12T10:00:00Z') };
  it('keep the poster in the private submission only; the draft has no name or address', () => {
    const parsed = parseFields(schema, valid);
    if (!parsed.ok) throw new Error('invalid');
    expect(pendingSubmission(parsed.data, { title: valid.title }, request)).toMatchObject({
      state: 'unbestätigt',
      municipality: 'Bonn',
      email: 'erika.mustermann@bonn.example',
    });
    const draft = draftPartnerSearch(parsed.data, { municipality: 'm1', topics: new Map([['digitalisierung', 't1']]) });
    expect(draft).toEqual({
      title: valid.title,
      municipality: 'm1',
      topics: ['t1'],
      offer: valid.offer,
      seek: valid.seek,
      validUntil: '2027-06-30',
    });
    expect(JSON.stringify(draft)).not.toMatch(/Erika|bonn\.example/i);
  });
  it('forget what a replier typed once it is relayed', () => {
    const parsed = parseFields(replySchema, reply);
    if (!parsed.ok) throw new Error('invalid');
    expect(pendingReply(parsed.data, request)).toMatchObject({
      partnerSearchDocumentId: reply.entry,
      email: 'max.muster@troisdorf.example',
    });
    expect(relayedReply(now)).toEqual({
      confirmedAt: now.toISOString(),
      relayedAt: now.toISOString(),
      name: null,
      email: null,
      organisation: null,
      message: null,
    });
  });
});

describe('the mails', () => {
  const entry = { title: 'Vergabestelle <gemeinsam>', slug: 'vergabestelle-gemeinsam' };
  const relay = {
    entry,
    reply: {
      name: 'Max Muster',
      email: 'max.muster@troisdorf.example',
      organisation: 'Stadt Troisdorf',
      message: 'Interesse!\n<script>x</script>',
    },
    posterEmail: 'erika@bonn.example',
    siteUrl: 'https://interkommunales.nrw',
  };

  it('ask for confirmation without repeating anything typed', () => {
    const poster = confirmMail('https://interkommunales.nrw', 'T'.repeat(43));
    expect(poster.text).toContain(`https://interkommunales.nrw/formulare/partnersuche/bestaetigen?t=${'T'.repeat(43)}`);
    const replier = replyConfirmMail('https://interkommunales.nrw', 'R'.repeat(43));
    expect(replier.text).toContain(
      `https://interkommunales.nrw/formulare/partnersuche/antwort-bestaetigen?t=${'R'.repeat(43)}`,
    );
    for (const mail of [poster, replier])
      for (const typed of [valid.title, 'Erika', 'Max', 'Vergabestelle', 'Bonn'])
        expect(`${mail.subject}${mail.text}${mail.html}`).not.toContain(typed);
  });

  it('relay a reply to the poster, with the replier as Reply-To and the text escaped in the HTML part', () => {
    const mail = relayMail(relay);
    expect(mail).toMatchObject({
      to: 'erika@bonn.example',
      replyTo: 'max.muster@troisdorf.example',
      subject: 'Antwort auf Ihre Partnersuche: Vergabestelle <gemeinsam>',
    });
    expect(mail.text).toContain('Interesse!\n<script>x</script>');
    expect(mail.html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(mail.html).not.toContain('<script>');
    expect(() => assertHeaderSafe({ ...mail, headers: {} })).not.toThrow();
  });

  it('keep a title with line breaks out of the headers (one line in the subject)', () => {
    for (const title of [
      'Titel\r\nBcc: alle@example.org',
      'Titel\nBcc: x',
      'Titel\u2028Bcc: x',
      'Titel\u0085Bcc: x',
      'Titel\u0000x',
    ]) {
      const mail = relayMail({ ...relay, entry: { ...entry, title } });
      expect(mail.subject).not.toMatch(/[\r\n\u2028\u0085\u0000]/);
      expect(() => assertHeaderSafe({ ...mail, headers: {} })).not.toThrow();
    }
    expect(headerText(' a\r\n\tb ')).toBe('a b');
  });

  it('never give the replier the poster address', () => {
    const notice = relayedNoticeMail(entry, 'https://interkommunales.nrw');
    expect(`${notice.subject}${notice.text}${notice.html}`).not.toContain('erika@bonn.example');
    expect(notice.text).toContain('https://interkommunales.nrw/partnersuche/vergabestelle-gemeinsam/');
    expect(acknowledgementMail({ title: 'X' }).text).toContain('„X“');
  });
});

describe('the forms on the answer pages', () => {
  it('keep what was typed, escaped, and link each error to its field', () => {
    const html = partnerSearchFormHtml(
      groups,
      topics,
      { ...valid, title: '"><script>x</script>', topics: '' },
      { topics: ['bauhof'] },
      { title: 'Fehler im Titel' },
    ).value;
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(html).toContain('id="feld-title-fehler"');
    expect(html).toContain('aria-describedby="feld-title-fehler"');
    expect(html).toContain('<option value="05314000" selected>Bonn</option>');
    expect(html).toContain('value="bauhof" checked');
    const replyHtml = replyFormHtml({ ...reply, message: '</textarea><b>' }, { message: 'Zu kurz' }).value;
    expect(replyHtml).toContain('&lt;/textarea&gt;&lt;b&gt;');
    expect(replyHtml).toContain(`name="entry" value="${reply.entry}"`);
  });
});
