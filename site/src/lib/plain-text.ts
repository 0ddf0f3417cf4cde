/**
 * Text from editors as other formats need it: a title stays on one line, control characters go, and XML
 * (feeds, sitemaps) gets no character that XML 1.0 forbids – one such character makes the whole file
 * unreadable for every reader.
 */

/** Characters XML 1.0 does not allow, lone surrogates among them, plus DEL and the C1 controls. */
const NOT_XML = /[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
/** Every line break: CR, LF, NEL, line and paragraph separator. */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/** Text with every character removed that XML 1.0 forbids (and that no text needs). */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Text for a one-line field: line breaks and tabs become one space each, other control characters go. */
export function singleLine(text: string): string {
  return xmlText(text.replace(LINE_BREAKS, ' ').replace(/\t/g, ' '));
}

/** Text that may span lines: line breaks become LF, other control characters go. */
export function multiLine(text: string): string {
  return xmlText(text.replace(LINE_BREAKS, '\n'));
}

/** A TEXT value of iCalendar (RFC 5545, 3.3.11), for properties the generator writes as given. */
export function icalText(text: string): string {
  return singleLine(text).replace(/[\\;,]/g, (c) => `\\${c}`);
}
