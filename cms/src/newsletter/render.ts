/**
 * The mail of a newsletter issue, made from the issue's own content: subject, HTML and plain text. Pure, and
 * made once per send; only the unsubscribe link differs per recipient, so the result is a template whose
 * parts are joined with that link (`personalize`) – nothing an editor typed can become a placeholder.
 *
 * The HTML follows what mail clients read well: `lang="de"`, UTF-8, a 600 px layout table with
 * `role="presentation"`, inlined styles, system fonts, no images, no remote resources and no trackers.
 * Every text is escaped; links keep only http(s) targets (paths of the site become absolute), anything else
 * is shown as text. The issue's PDF is linked on its archive page, not attached: the site publishes a file only
 * after checking its bytes (site/src/model/published-files.ts), and a few MB times thousands of recipients
 * would load the mail server for a file most readers never open.
 */
import type { BlockNode, Blocks, LinkNode, TextNode } from '@ikz/shared-types';
import { escapeHtml, safeHref } from '@ikz/shared-types/html';
import { routes } from '@ikz/shared-types/routes';

type Ref = { title?: string | null; slug?: string | null };

export interface IssueForMail {
  title: string;
  slug: string;
  year: number;
  number: number;
  /** ISO date of the issue (YYYY-MM-DD). */
  sentAt: string;
  editorial?: Blocks | null;
  sections?:
    | {
        heading: string;
        text?: Blocks | null;
        projects?: Ref[] | null;
        events?: Ref[] | null;
        documents?: Ref[] | null;
        links?: { label?: string | null; url?: string | null }[] | null;
      }[]
    | null;
  pdf?: { name?: string | null } | null;
}

export interface MailContext {
  /** SITE_URL without a trailing slash. */
  siteUrl: string;
  /** Display name of the sender (from MAIL_FROM). */
  senderName: string;
}

/** An issue's mail with the places of the unsubscribe link left open. */
export interface RenderedIssue {
  subject: string;
  /** The HTML between the unsubscribe links. */
  html: string[];
  text: string[];
}

export type PersonalMail = { subject: string; html: string; text: string };

/** Line breaks, control characters and their look-alikes become one space: a subject is one header line. */
export function headerText(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** The absolute http(s) URL of a link, or null when it must not be a link (mailto, javascript:, broken …). */
export function absoluteLink(url: string, siteUrl: string): string | null {
  const href = safeHref(url);
  if (!href || href.startsWith('mailto:')) return null;
  return href.startsWith('/') ? `${siteUrl}${href}` : href;
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const TEXT = `${FONT}font-size:16px;line-height:1.5;color:#1a1a1a;`;
const LINK = 'color:#00508c;text-decoration:underline;';
const MUTED = `${FONT}font-size:13px;line-height:1.5;color:#555555;`;

const dateFormat = new Intl.DateTimeFormat('de-DE', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
/** "5. Dezember 2026" for 2026-12-05. */
export const germanDate = (isoDate: string) => dateFormat.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));

function a(href: string, label: string): string {
  return `<a href="${escapeHtml(href)}" style="${LINK}">${label}</a>`;
}

// ---- blocks → HTML and text ----

function inlineHtml(node: TextNode): string {
  let html = escapeHtml(node.text).replace(/\n/g, '<br>');
  if (node.code) html = `<code style="font-family:Consolas,monospace;">${html}</code>`;
  if (node.bold) html = `<strong>${html}</strong>`;
  if (node.italic) html = `<em>${html}</em>`;
  if (node.underline) html = `<u>${html}</u>`;
  if (node.strikethrough) html = `<s>${html}</s>`;
  return html;
}

function childrenHtml(children: (BlockNode | TextNode | LinkNode)[], siteUrl: string): string {
  return children
    .map((child) => {
      if (child.type === 'text') return inlineHtml(child);
      if (child.type === 'link') {
        const inner = child.children.map(inlineHtml).join('');
        const href = absoluteLink(child.url, siteUrl);
        return href ? a(href, inner) : inner;
      }
      return blockHtml(child, siteUrl);
    })
    .join('');
}

function blockHtml(node: BlockNode, siteUrl: string): string {
  const inner = childrenHtml(node.children, siteUrl);
  switch (node.type) {
    case 'heading':
      return `<p style="${TEXT}font-weight:bold;margin:20px 0 8px;">${inner}</p>`;
    case 'list': {
      const tag = node.format === 'ordered' ? 'ol' : 'ul';
      return `<${tag} style="${TEXT}margin:0 0 16px;padding-left:24px;">${inner}</${tag}>`;
    }
    case 'list-item':
      return `<li style="margin:0 0 4px;">${inner}</li>`;
    case 'quote':
      return `<p style="${TEXT}margin:0 0 16px;padding-left:12px;border-left:3px solid #cccccc;">${inner}</p>`;
    case 'image':
      return '';
    default:
      return inner.trim() ? `<p style="${TEXT}margin:0 0 16px;">${inner}</p>` : '';
  }
}

export function blocksHtml(blocks: Blocks | null | undefined, siteUrl: string): string {
  return (blocks ?? []).map((b) => blockHtml(b, siteUrl)).join('\n');
}

function childrenText(children: (BlockNode | TextNode | LinkNode)[], siteUrl: string, depth: number): string {
  return children
    .map((child) => {
      if (child.type === 'text') return child.text;
      if (child.type === 'link') {
        const label = child.children.map((t) => t.text).join('');
        const href = absoluteLink(child.url, siteUrl);
        return href && href !== label ? `${label} <${href}>` : label;
      }
      return blockText(child, siteUrl, depth + 1);
    })
    .join('');
}

function blockText(node: BlockNode, siteUrl: string, depth = 0): string {
  if (node.type === 'list') {
    return node.children
      .map((item, i) => {
        const text = 'children' in item && item.type !== 'link' ? childrenText(item.children, siteUrl, depth) : '';
        return `${'  '.repeat(depth)}${node.format === 'ordered' ? `${i + 1}.` : '-'} ${text}`;
      })
      .join('\n');
  }
  if (node.type === 'image') return '';
  const text = childrenText(node.children, siteUrl, depth);
  return node.type === 'quote'
    ? text
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n')
    : text;
}

export function blocksText(blocks: Blocks | null | undefined, siteUrl: string): string {
  return (blocks ?? [])
    .map((b) => blockText(b, siteUrl).trim())
    .filter(Boolean)
    .join('\n\n');
}

// ---- the issue ----

type Link = { label: string; href: string };

function sectionLinks(
  section: NonNullable<IssueForMail['sections']>[number],
  siteUrl: string,
): { heading: string; links: Link[] }[] {
  const refs = (heading: string, items: Ref[] | null | undefined, kind: 'project' | 'event' | 'document') => ({
    heading,
    links: (items ?? [])
      .filter((r) => r.slug && r.title)
      .map((r) => ({ label: r.title!, href: `${siteUrl}${routes.url(kind, { slug: r.slug! })}` })),
  });
  const external = (section.links ?? []).flatMap((l) => {
    const href = l.url ? absoluteLink(l.url, siteUrl) : null;
    return href ? [{ label: l.label?.trim() || href, href }] : [];
  });
  return [
    refs('Projekte', section.projects, 'project'),
    refs('Veranstaltungen', section.events, 'event'),
    refs('Dokumente', section.documents, 'document'),
    { heading: 'Links', links: external },
  ].filter((group) => group.links.length > 0);
}

/** Issue I/2026 of 5. Dezember 2026 → the line under the title. */
const issueLine = (issue: IssueForMail) => `Ausgabe ${issue.number}/${issue.year} · ${germanDate(issue.sentAt)}`;

type Sections = { section: NonNullable<IssueForMail['sections']>[number]; groups: ReturnType<typeof sectionLinks> }[];
type Frame = { siteUrl: string; issueUrl: string; imprintUrl: string; sender: string; title: string };

function htmlSectionsOf(sections: Sections, siteUrl: string): string {
  return sections
    .map(({ section, groups }) => {
      const lists = groups
        .map(
          (group) =>
            `<p style="${TEXT}font-weight:bold;margin:0 0 4px;">${escapeHtml(group.heading)}</p>\n<ul style="${TEXT}margin:0 0 16px;padding-left:24px;">${group.links
              .map((l) => `<li style="margin:0 0 4px;">${a(l.href, escapeHtml(l.label))}</li>`)
              .join('')}</ul>`,
        )
        .join('\n');
      return `<tr><td style="padding:8px 32px 8px;">
<h2 style="${FONT}font-size:20px;line-height:1.3;color:#00508c;margin:16px 0 12px;">${escapeHtml(section.heading)}</h2>
${blocksHtml(section.text, siteUrl)}
${lists}
</td></tr>`;
    })
    .join('\n');
}

/** The HTML before and after the unsubscribe link's URL. */
function htmlFrame(
  issue: IssueForMail,
  sections: Sections,
  { siteUrl, issueUrl, imprintUrl, sender, title }: Frame,
): [string, string] {
  const htmlSections = htmlSectionsOf(sections, siteUrl);
  const pdfHtml = issue.pdf
    ? `<tr><td style="padding:8px 32px;"><p style="${TEXT}margin:0 0 16px;">Die Ausgabe als PDF: ${a(issueUrl, 'auf der Website herunterladen')}</p></td></tr>`
    : '';

  const head = `<!DOCTYPE html>
<html lang="de" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title>${title}</title>
</head>
<body style="margin:0;padding:0;background-color:#f2f2f2;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f2f2f2;">
<tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;">
<tr><td style="padding:12px 32px;${MUTED}text-align:right;">${a(issueUrl, 'Im Browser ansehen')}</td></tr>
<tr><td style="padding:8px 32px 0;">
<p style="${FONT}font-size:14px;font-weight:bold;color:#00508c;margin:0 0 4px;">${sender}</p>
<h1 style="${FONT}font-size:26px;line-height:1.25;color:#1a1a1a;margin:0 0 4px;">${title}</h1>
<p style="${MUTED}margin:0 0 16px;">${escapeHtml(issueLine(issue))}</p>
</td></tr>
<tr><td style="padding:0 32px;">
${blocksHtml(issue.editorial, siteUrl)}
</td></tr>
${htmlSections}
${pdfHtml}
<tr><td style="padding:16px 32px 24px;border-top:1px solid #dddddd;">
<p style="${MUTED}margin:0 0 8px;">Sie erhalten diesen Newsletter, weil Sie ihn mit Ihrer E-Mail-Adresse bestellt und die Anmeldung bestätigt haben.</p>
<p style="${MUTED}margin:0 0 8px;">`;
  const tail = `</p>
<p style="${MUTED}margin:0;">${sender} · ${a(imprintUrl, 'Impressum')} · ${a(`${siteUrl}${routes.url('infoPage', { slug: 'datenschutz' })}`, 'Datenschutz')}</p>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;

  return [head, tail];
}

/** The plain-text part before the unsubscribe link's URL. */
function textHeadOf(issue: IssueForMail, sections: Sections, { siteUrl, issueUrl }: Frame, senderName: string): string {
  const textSections = sections.map(({ section, groups }) => {
    const lists = groups.map(
      (group) => `${group.heading}:\n${group.links.map((l) => `- ${l.label}\n  ${l.href}`).join('\n')}`,
    );
    return [section.heading.toUpperCase(), blocksText(section.text, siteUrl), ...lists].filter(Boolean).join('\n\n');
  });
  return [
    `${headerText(senderName)}`,
    issue.title,
    issueLine(issue),
    `Im Browser ansehen: ${issueUrl}`,
    blocksText(issue.editorial, siteUrl),
    ...textSections,
    issue.pdf ? `Die Ausgabe als PDF auf der Website: ${issueUrl}` : '',
    '--',
    'Sie erhalten diesen Newsletter, weil Sie ihn mit Ihrer E-Mail-Adresse bestellt und die Anmeldung bestätigt haben.',
  ]
    .filter(Boolean)
    .join('\n\n');
}

export function renderIssue(issue: IssueForMail, context: MailContext): RenderedIssue {
  const { siteUrl } = context;
  const frame: Frame = {
    siteUrl,
    issueUrl: `${siteUrl}${routes.url('newsletter', { slug: issue.slug })}`,
    imprintUrl: `${siteUrl}${routes.url('infoPage', { slug: 'impressum' })}`,
    sender: escapeHtml(headerText(context.senderName)),
    title: escapeHtml(issue.title),
  };
  const sections = (issue.sections ?? []).map((section) => ({ section, groups: sectionLinks(section, siteUrl) }));
  const [head, tail] = htmlFrame(issue, sections, frame);
  const textHead = textHeadOf(issue, sections, frame, context.senderName);
  const { imprintUrl } = frame;
  return {
    subject: headerText(issue.title),
    html: [`${head}<a href="`, `" style="${LINK}">Newsletter abbestellen</a>${tail}`],
    text: [`${textHead}\nNewsletter abbestellen: `, `\nImpressum: ${imprintUrl}\n`],
  };
}

/** The mail for one recipient: the template joined with that recipient's unsubscribe link. */
export function personalize(rendered: RenderedIssue, unsubscribeUrl: string): PersonalMail {
  const href = absoluteLink(unsubscribeUrl, '');
  if (!href) throw new Error('The unsubscribe link must be an http(s) URL');
  return { subject: rendered.subject, html: rendered.html.join(escapeHtml(href)), text: rendered.text.join(href) };
}
