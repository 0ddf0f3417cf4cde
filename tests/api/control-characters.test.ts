/** Single-line fields refuse control characters at save, through the REST API and the admin's API alike. */
import { describe, expect, it } from 'vitest';
import { adminJwt, api, tokens } from './helpers.ts';

const MARK = 'Steuerzeichen-Test';

async function eventsContaining(text: string) {
  const response = await api('/api/events', {
    token: tokens.seed,
    query: { status: 'draft', filters: { title: { $contains: text } } },
  });
  expect(response.status).toBe(200);
  return response.body.data as { title: string }[];
}

const event = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  format: 'Seminar',
  startsAt: '2027-03-10T09:00:00Z',
  endsAt: '2027-03-10T12:00:00Z',
  summary: 'Ein Seminar zur interkommunalen Zusammenarbeit.',
  place: { venue: 'Rathaus', city: 'Detmold' },
  ...extra,
});

describe('control characters in single-line fields', () => {
  it('refuses a CRLF title through the REST API, in German, and stores nothing', async () => {
    for (const injected of ['\r\nBEGIN:VEVENT', '\n', '\t', '\u0000', '\u2028', '\u0085']) {
      const title = `${MARK} REST${injected}SUMMARY:gefälscht`;
      const response = await api('/api/events', { method: 'POST', token: tokens.seed, body: { data: event(title) } });
      expect(response.status, JSON.stringify(injected)).toBe(400);
      expect(response.body.error.message).toBe(
        '„Titel“ darf keine Zeilenumbrüche, Tabulatoren oder anderen Steuerzeichen enthalten.',
      );
      expect(response.body.error.details.errors[0].path).toEqual(['title']);
    }
    expect(await eventsContaining(`${MARK} REST`)).toEqual([]);
  });

  it('refuses it through the admin API, in components too, and on update', async () => {
    const jwt = await adminJwt();
    const base = '/content-manager/collection-types/api::event.event';
    const created = await api(base, { method: 'POST', token: jwt, body: event(`${MARK} Admin\r\nX`) });
    expect(created.status).toBe(400);
    expect(created.body.error.message).toContain('„Titel“ darf keine Zeilenumbrüche');
    const inComponent = await api(base, {
      method: 'POST',
      token: jwt,
      body: event(`${MARK} Admin Ort`, { place: { venue: 'Rathaus\nSaal 2', city: 'Detmold' } }),
    });
    expect(inComponent.status).toBe(400);
    expect(inComponent.body.error.details.errors[0].path).toEqual(['place', 'venue']);
    expect(inComponent.body.error.message).toContain('„Veranstaltungsort');
    expect(await eventsContaining(`${MARK} Admin`)).toEqual([]);

    const ok = await api(base, {
      method: 'POST',
      token: jwt,
      body: event(`${MARK} sauber`, { summary: 'Zeile eins\nZeile zwei der Beschreibung.' }),
    });
    expect(ok.status).toBe(201);
    const id = ok.body.data.documentId;
    const update = await api(`${base}/${id}`, {
      method: 'PUT',
      token: jwt,
      body: { title: `${MARK} sauber\r\nDTSTART:19700101` },
    });
    expect(update.status).toBe(400);
    const tab = await api(`${base}/${id}`, {
      method: 'PUT',
      token: jwt,
      body: { summary: 'Eine Beschreibung mit\tTabulator.' },
    });
    expect(tab.status).toBe(400);
    expect(tab.body.error.message).toContain('darf außer Zeilenumbrüchen keine Steuerzeichen');
    expect((await eventsContaining(`${MARK} sauber`)).map((e) => e.title)).toEqual([`${MARK} sauber`]);
    expect((await api(`${base}/${id}`, { method: 'DELETE', token: jwt })).status).toBe(200);
  });
});

describe('long single-line fields (text with the single-line pattern)', () => {
  it('store values beyond 255 characters on every database, and refuse a line break in German', async () => {
    const jwt = await adminJwt();
    const base = '/content-manager/collection-types/api::event.event';
    const url = `https://www.example.org/anmeldung?${'kommune=bonn&'.repeat(40)}ende=1`;
    expect(url.length).toBeGreaterThan(255);
    const created = await api(base, {
      method: 'POST',
      token: jwt,
      body: event(`${MARK} lange Adresse`, { online: { url } }),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.data.documentId;
    const read = await api(`${base}/${id}`, { token: jwt });
    expect(read.body.data.online.url).toBe(url);
    const broken = await api(`${base}/${id}`, {
      method: 'PUT',
      token: jwt,
      body: { online: { url: `${url}\r\nX-Injected: 1` } },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.details.errors[0].path).toEqual(['online', 'url']);
    expect(broken.body.error.message).toContain('darf keine Zeilenumbrüche');
    expect((await api(`${base}/${id}`, { token: jwt })).body.data.online.url).toBe(url);
    expect((await api(`${base}/${id}`, { method: 'DELETE', token: jwt })).status).toBe(200);
  });
});
