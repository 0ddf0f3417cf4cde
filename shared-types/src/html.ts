/**
 * HTML output rules shared by every part that writes HTML (the site, the publisher's status page, the
 * preview): escaping, and the one check every editor-supplied link goes through.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * The link target to put into `href`, or null when the link must not be a link: only http(s) URLs without
 * credentials, mailto addresses and paths of this site. Refused as well: anything with a backslash, a
 * control character, tab or line break anywhere (browsers drop or rewrite those, so `/\evil.example` or
 * `/<tab>/evil.example` would lead to another host), and protocol-relative `//host` paths.
 */
export function safeHref(url: string): string | null {
  const trimmed = url.trim();
  if (!trimmed || /[\u0000-\u001f\u007f\\]/.test(trimmed)) return null;
  if (/^mailto:[^\s@/?#]+@[^\s@/?#]+\.[^\s@/?#]+(\?[^\s]*)?$/i.test(trimmed)) return trimmed;
  if (trimmed.startsWith('/')) return trimmed.startsWith('//') ? null : trimmed;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password || !parsed.hostname) return null;
  return parsed.href;
}

/** True for links that leave the site (they get rel="noopener"). */
export const isExternal = (href: string) => /^https?:/i.test(href);
