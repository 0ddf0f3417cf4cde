/**
 * A published issue as the mail of a send: loaded once, rendered once (../render.ts), then made personal per
 * recipient with that recipient's unsubscribe link and the list headers (RFC 2369, RFC 2919, RFC 8058).
 */
import type { Core } from '@strapi/strapi';
import { readEnv } from '@ikz/shared-types/env';
import { mailSettings } from '../../mail/config.ts';
import type { OutgoingMail } from '../../mail/types.ts';
import { unsubscribeUrl } from '../links.ts';
import { personalize, renderIssue, type IssueForMail, type RenderedIssue } from '../render.ts';

export const ISSUE_UID = 'api::newsletter.newsletter';
const REF_FIELDS = { fields: ['title', 'slug'] };

/** The published version of an issue with everything the mail shows, or null when it has none. */
export async function loadPublishedIssue(
  strapi: Core.Strapi,
  documentId: string,
): Promise<(IssueForMail & { documentId: string }) | null> {
  const found = await strapi.documents(ISSUE_UID).findOne({
    documentId,
    status: 'published',
    populate: {
      sections: { populate: { projects: REF_FIELDS, events: REF_FIELDS, documents: REF_FIELDS, links: true } },
      pdf: true,
    },
  } as never);
  return (found as unknown as (IssueForMail & { documentId: string }) | null) ?? null;
}

export interface SendSettings {
  siteUrl: string;
  secret: string;
  rate: number;
  retrySeconds: number;
}

export function sendSettings(env?: Record<string, string | undefined>): SendSettings {
  const c = readEnv(['SITE_URL', 'IKZ_FORM_SECRET', 'NEWSLETTER_RATE', 'NEWSLETTER_RETRY_SECONDS'], env);
  if (!c.IKZ_FORM_SECRET)
    throw new Error(
      'Invalid configuration:\n  IKZ_FORM_SECRET: must be set to send newsletter issues (it signs their unsubscribe links)',
    );
  return {
    siteUrl: c.SITE_URL,
    secret: c.IKZ_FORM_SECRET,
    rate: c.NEWSLETTER_RATE,
    retrySeconds: c.NEWSLETTER_RETRY_SECONDS,
  };
}

/** "Interkommunales.NRW" from `Interkommunales.NRW <newsletter@…>` (the address when there is no name). */
export function senderName(from: string): string {
  const match = /^\s*"?([^"<]*?)"?\s*<[^>]+>\s*$/.exec(from);
  return match?.[1]?.trim() || from.trim();
}

export function renderForSend(issue: IssueForMail, siteUrl: string): RenderedIssue {
  return renderIssue(issue, { siteUrl, senderName: senderName(mailSettings().from) });
}

/** `<newsletter.host-of-the-site>`: the list's identifier (RFC 2919) for filters and one-click unsubscribe. */
export function listId(siteUrl: string): string {
  return `newsletter.${new URL(siteUrl).hostname}`;
}

/** The mail to one subscriber: the template with their unsubscribe link in the footer and in List-Unsubscribe. */
export function issueMailFor(
  rendered: RenderedIssue,
  settings: Pick<SendSettings, 'siteUrl' | 'secret'>,
  subscriber: { documentId: string; unsubscribeSalt: string; email: string },
  messageId: string,
): OutgoingMail {
  const url = unsubscribeUrl(settings.siteUrl, settings.secret, subscriber);
  const mail = personalize(rendered, url);
  return {
    to: subscriber.email,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId,
    // List-Unsubscribe-Post must be a header of its own: nodemailer writes every `list` value as <url>.
    headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', Precedence: 'bulk' },
    list: { unsubscribe: url, id: { url: listId(settings.siteUrl), comment: 'Newsletter von Interkommunales.NRW' } },
  };
}
