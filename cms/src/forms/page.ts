/**
 * The German pages Strapi answers a form with when the browser sent it without JavaScript (and the pages behind
 * the links in mails: confirm, unsubscribe). They are served on the site's origin (under /formulare/) and look
 * like a plain page of the site: the portal's name linking home, one heading, the message, the form again when
 * something was wrong, and the footer's legal links. No script, no external resource.
 */
import { html, SafeHtml } from './html.ts';

/** The CSP of every form page: nothing but its own inline styles, and forms posting to the same origin. */
export const FORM_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const STYLE = `
:root{--ink:#1b1f24;--muted:#4a5360;--paper:#fff;--soft:#f3f5f7;--line:#cfd6de;--brand:#00577a;--brand-dark:#003d56;--error:#a4161a;--ok:#1d6b35;--focus:#ffbf47}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;line-height:1.5;color:var(--ink);background:var(--paper)}
body{margin:0}
a{color:var(--brand)}a:hover{color:var(--brand-dark)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--paper);padding:.5rem}
header,main,footer{max-width:46rem;margin:0 auto;padding:1rem clamp(1rem,4vw,1.25rem)}
header{border-bottom:1px solid var(--line)}
header a{font-weight:700;font-size:1.25rem;text-decoration:none;color:var(--brand-dark)}
h1{font-size:1.75rem;line-height:1.25;margin:1.5rem 0 1rem}
.notice{border-left:6px solid var(--brand);background:var(--soft);padding:.75rem 1rem;margin:1rem 0}
.notice.error{border-color:var(--error)}.notice.ok{border-color:var(--ok)}
.notice ul{margin:.5rem 0 0;padding-left:1.25rem}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input[type=email],input[type=text],textarea,select{width:100%;max-width:32rem;font:inherit;padding:.5rem;border:2px solid var(--muted);border-radius:4px}
textarea{min-height:8rem}
[aria-invalid=true]{border-color:var(--error)}
.field-error{color:var(--error);font-weight:600;margin:.25rem 0}
.check{display:flex;gap:.5rem;align-items:flex-start;margin:1rem 0}.check input{margin-top:.3rem;width:1.25rem;height:1.25rem}.check label{margin:0;font-weight:400}
fieldset{border:0;padding:0;margin:1rem 0;min-width:0}legend{font-weight:600}summary{cursor:pointer;padding:.4rem 0}
.choices{list-style:none;margin:.25rem 0;padding:0}.choices li{display:flex;gap:.5rem;align-items:flex-start}.choices input{margin-top:.3rem;width:1.25rem;height:1.25rem;flex:none}.choices label{margin:0;font-weight:400;min-width:0;overflow-wrap:anywhere}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
button{font:inherit;font-weight:600;background:var(--brand);color:#fff;border:2px solid var(--brand);border-radius:4px;padding:.6rem 1.2rem;cursor:pointer;margin-top:1rem}
button:hover{background:var(--brand-dark)}
footer{border-top:1px solid var(--line);margin-top:2rem;font-size:.95rem}
footer ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
`;

export function renderFormPage(page: { title: string; body: SafeHtml }): string {
  return `<!doctype html>\n${
    html`<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${page.title} – Interkommunales.NRW</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
<a class="skip" href="#inhalt">Zum Inhalt springen</a>
<header><a href="/">Interkommunales.NRW</a></header>
<main id="inhalt">
<h1>${page.title}</h1>
${page.body}
</main>
<footer><ul><li><a href="/">Startseite</a></li><li><a href="/impressum/">Impressum</a></li><li><a href="/datenschutz/">Datenschutz</a></li><li><a href="/barrierefreiheit/">Barrierefreiheit</a></li></ul></footer>
</body>
</html>`.value
  }\n`;
}
