import { describe, expect, it } from 'vitest';
import { absoluteLink, headerText, personalize, renderIssue, type IssueForMail } from '@ikz/cms/newsletter/render';

const siteUrl = 'https://www.interkommunales.example';
const context = { siteUrl, senderName: 'Interkommunales.NRW' };
const unsubscribe = `${siteUrl}/formulare/newsletter/abmelden?t=abc123def456.${'x'.repeat(43)}`;

const issue: IssueForMail = {
  title: 'Newsletter Ⅱ / 2026: Gemeinsame Bauhöfe & <Klärwerke>',
  slug: 'newsletter-ii-2026',
  year: 2026,
  number: 2,
  sentAt: '2026-12-05',
  editorial: [
    {
      type: 'paragraph',
      children: [{ type: 'text', text: 'Liebe Leserinnen und Leser, Grüße aus Düsseldorf <script>alert(1)</script>' }],
    },
    {
      type: 'paragraph',
      children: [
        { type: 'text', text: 'Mehr ' },
        { type: 'link', url: '/projekte/', children: [{ type: 'text', text: 'im Projektatlas' }] },
        { type: 'text', text: ' und ' },
        { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'böser Link' }] },
        { type: 'text', text: ' und ' },
        { type: 'link', url: 'mailto:ikz@example.org', children: [{ type: 'text', text: 'Mail' }] },
      ],
    },
    {
      type: 'list',
      format: 'unordered',
      children: [{ type: 'list-item', children: [{ type: 'text', text: 'Punkt "eins"' }] }],
    },
  ],
  sections: [
    {
      heading: 'Aus den Kommunen',
      text: [{ type: 'paragraph', children: [{ type: 'text', text: 'Zweckverbände in Münster' }] }],
      projects: [{ title: 'Bauhof Süd', slug: 'bauhof-sued' }],
      events: [{ title: 'Jahrestagung', slug: 'jahrestagung-2026' }],
      documents: [{ title: 'Mustervertrag', slug: 'mustervertrag' }],
      links: [
        { label: 'Land NRW', url: 'https://www.land.nrw/' },
        { label: 'kaputt', url: 'data:text/html,hi' },
      ],
    },
  ],
  pdf: { name: 'newsletter.pdf' },
};

describe('the mail of a newsletter issue', () => {
  const rendered = renderIssue(issue, context);
  const mail = personalize(rendered, unsubscribe);

  it('is one template with a single place for the unsubscribe link in each part', () => {
    expect(rendered.html).toHaveLength(2);
    expect(rendered.text).toHaveLength(2);
    expect(mail.html).toContain(`<a href="${unsubscribe}" style=`);
    expect(mail.text).toContain(`Newsletter abbestellen: ${unsubscribe}\n`);
    expect(mail.html.split(unsubscribe)).toHaveLength(2);
  });

  it('escapes every text and keeps umlauts as they are', () => {
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('Gemeinsame Bauhöfe &amp; &lt;Klärwerke&gt;');
    expect(mail.html).toContain('Punkt &quot;eins&quot;');
    expect(mail.text).toContain('Grüße aus Düsseldorf');
    expect(mail.subject).toBe('Newsletter Ⅱ / 2026: Gemeinsame Bauhöfe & <Klärwerke>');
  });

  it('is an HTML mail clients read well: German, UTF-8, 600 px layout tables, no images or remote resources', () => {
    expect(mail.html).toMatch(/^<!DOCTYPE html>\n<html lang="de"/);
    expect(mail.html).toContain('<meta charset="utf-8">');
    expect(mail.html).toContain('<table role="presentation" width="600"');
    expect(mail.html.match(/<table /g)?.length).toBe(mail.html.match(/<table role="presentation"/g)?.length);
    expect(mail.html).not.toMatch(/<img|<link|<script|<style|@import|url\(/i);
    expect(mail.html).not.toMatch(/\sclass=/);
  });

  it("links only absolute http(s) addresses, the site's pages made absolute", () => {
    const hrefs = [...mail.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(5);
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
    expect(hrefs).toEqual(
      expect.arrayContaining([
        `${siteUrl}/newsletter/newsletter-ii-2026/`,
        `${siteUrl}/projekte/`,
        `${siteUrl}/projekte/bauhof-sued/`,
        `${siteUrl}/veranstaltungen/jahrestagung-2026/`,
        `${siteUrl}/dokumente/mustervertrag/`,
        'https://www.land.nrw/',
        `${siteUrl}/impressum/`,
      ]),
    );
    expect(mail.html).not.toContain('javascript:');
    expect(mail.html).not.toContain('mailto:');
    expect(mail.html).not.toContain('data:text');
    expect(mail.html).toContain('böser Link');
  });

  it('offers "Im Browser ansehen", the sections, the PDF on the archive page and the footer in both parts', () => {
    expect(mail.html).toContain(
      `<a href="${siteUrl}/newsletter/newsletter-ii-2026/" style="color:#00508c;text-decoration:underline;">Im Browser ansehen</a>`,
    );
    expect(mail.text).toContain(`Im Browser ansehen: ${siteUrl}/newsletter/newsletter-ii-2026/`);
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain('Ausgabe 2/2026 · 5. Dezember 2026');
      expect(part).toContain('Bauhof Süd');
      expect(part).toContain('Jahrestagung');
      expect(part).toContain('Mustervertrag');
      expect(part).toContain(`${siteUrl}/impressum/`);
      expect(part).toContain('Interkommunales.NRW');
    }
    expect(mail.text).toContain(`Die Ausgabe als PDF auf der Website: ${siteUrl}/newsletter/newsletter-ii-2026/`);
    expect(mail.text).toContain(`im Projektatlas <${siteUrl}/projekte/>`);
    expect(mail.text).toContain('- Punkt "eins"');
    expect(mail.text).not.toMatch(/<(p|a|td|br)\b/);
    expect(renderIssue({ ...issue, pdf: null }, context).text.join('')).not.toContain('PDF');
  });

  it('makes a subject of one line from a title with line breaks', () => {
    expect(renderIssue({ ...issue, title: 'Ausgabe\r\nBcc: x@example.org' }, context).subject).toBe(
      'Ausgabe Bcc: x@example.org',
    );
    expect(headerText('a\u2028b\u0085c\td')).toBe('a b c d');
  });

  it('refuses an unsubscribe link that is not http(s)', () => {
    expect(() => personalize(rendered, 'javascript:alert(1)')).toThrow();
    expect(personalize(rendered, `${unsubscribe}&x="><b>`).html).toContain('&amp;x=%22%3E%3Cb%3E');
  });

  it('turns only http(s) and site paths into links', () => {
    expect(absoluteLink('/a/', siteUrl)).toBe(`${siteUrl}/a/`);
    expect(absoluteLink('//evil.example/', siteUrl)).toBeNull();
    expect(absoluteLink('mailto:a@b.de', siteUrl)).toBeNull();
    expect(absoluteLink('https://user:pw@example.org/', siteUrl)).toBeNull();
  });
});
