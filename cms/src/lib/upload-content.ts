/**
 * What an uploaded file is, from its bytes alone (never from its name or the type the client declared).
 * Binary formats are recognised by file-type (the detector Strapi's upload plugin uses); two cases it leaves
 * open are settled here:
 *
 * - Legacy Office files (DOC, XLS, PPT) are all "Compound File Binary" containers to file-type. Which one a
 *   file is follows from the stream in its directory: "WordDocument", "PowerPoint Document" or "Workbook"/"Book".
 * - CSV has no magic bytes. Text counts as CSV only if it is valid UTF-8 (a BOM allowed), has no control
 *   characters other than tab, CR and LF, and contains no "<" at all: no markup (HTML, SVG, XML) can hide in
 *   it, whatever a browser might guess. Whatever else it holds is served as a download with nosniff, so it
 *   stays text. CSV from Excel must be saved as "CSV UTF-8".
 */
import { fileTypeFromBuffer } from 'file-type';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Streams that identify a legacy Office file, in order of precedence (a DOC may embed a workbook, not vice versa). */
const CFB_STREAMS: [string, string][] = [
  ['WordDocument', 'application/msword'],
  ['PowerPoint Document', 'application/vnd.ms-powerpoint'],
  ['Workbook', 'application/vnd.ms-excel'],
  ['Book', 'application/vnd.ms-excel'],
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/**
 * Names of the streams in a compound file's directory. Directory entries are 128 bytes, aligned to 128 within
 * sectors of 512 or 4096 bytes; an entry is taken only if its name, its name length and its type (2 = stream)
 * agree, so text inside a document is not mistaken for a stream name.
 */
export function compoundFileStreams(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  if (!startsWith(bytes, CFB_MAGIC)) return names;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = 512; offset + 128 <= bytes.length; offset += 128) {
    const nameLength = view.getUint16(offset + 64, true);
    if (nameLength < 4 || nameLength > 64 || nameLength % 2 !== 0 || bytes[offset + 66] !== 2) continue;
    if (view.getUint16(offset + nameLength - 2, true) !== 0) continue;
    let name = '';
    for (let i = 0; i < nameLength - 2; i += 2) name += String.fromCharCode(view.getUint16(offset + i, true));
    names.add(name);
  }
  return names;
}

/** True for text that may be stored as CSV (see the module comment). */
export function isPlainCsvText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029<]/.test(text);
}

/** The MIME type of the content, as far as it matters for the allowlist; undefined when nothing was recognised. */
export async function detectContentType(bytes: Uint8Array): Promise<string | undefined> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected?.mime === 'application/x-cfb') {
    const streams = compoundFileStreams(bytes);
    return CFB_STREAMS.find(([name]) => streams.has(name))?.[1] ?? detected.mime;
  }
  if (detected) return detected.mime;
  return isPlainCsvText(bytes) ? 'text/csv' : undefined;
}
