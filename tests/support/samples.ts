/**
 * Small real files of every format on the upload allowlist, made in the test: images by sharp, ZIP-based
 * office files by a minimal ZIP writer (stored entries, CRC-32 from node:zlib), legacy Office files as real
 * Compound File Binary containers with the stream that names their kind, and a hand-written PDF.
 */
import zlib from 'node:zlib';
import sharp from 'sharp';

export function zip(entries: [name: string, content: string | Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, raw] of entries) {
    const data = Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const OOXML = 'application/vnd.openxmlformats-officedocument';
const CONTENT_TYPES = (part: string, type: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="${part}" ContentType="${OOXML}.${type}.main+xml"/></Types>`;

export const docx = () =>
  zip([
    ['[Content_Types].xml', CONTENT_TYPES('/word/document.xml', 'wordprocessingml.document')],
    ['word/document.xml', '<w:document/>'],
  ]);
export const xlsx = () =>
  zip([
    ['[Content_Types].xml', CONTENT_TYPES('/xl/workbook.xml', 'spreadsheetml.sheet')],
    ['xl/workbook.xml', '<workbook/>'],
  ]);
export const pptx = () =>
  zip([
    ['[Content_Types].xml', CONTENT_TYPES('/ppt/presentation.xml', 'presentationml.presentation')],
    ['ppt/presentation.xml', '<presentation/>'],
  ]);
const odf = (mime: string) =>
  zip([
    ['mimetype', mime],
    ['content.xml', '<office:document-content/>'],
  ]);
export const odt = () => odf('application/vnd.oasis.opendocument.text');
export const ods = () => odf('application/vnd.oasis.opendocument.spreadsheet');
export const plainZip = () => zip([['liesmich.txt', 'Protokoll der Sitzung']]);

/** A compound file (version 3, 512-byte sectors) with one stream of 4096 bytes named `stream`. */
export function compoundFile(stream: string, payload = ''): Buffer {
  const sector = 512;
  const header = Buffer.alloc(sector);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // FAT sectors
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(4096, 0x38); // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 0x3c); // no mini FAT
  header.writeUInt32LE(0xfffffffe, 0x44); // no DIFAT sectors
  header.fill(0xff, 0x4c);
  header.writeUInt32LE(0, 0x4c); // DIFAT[0]: the FAT is sector 0
  const fat = Buffer.alloc(sector, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(0xfffffffe, 4);
  for (let s = 2; s < 9; s += 1) fat.writeUInt32LE(s + 1, s * 4);
  fat.writeUInt32LE(0xfffffffe, 9 * 4);
  const directory = Buffer.alloc(sector);
  const entry = (index: number, name: string, type: number, child: number, start: number, size: number) => {
    const at = index * 128;
    directory.write(`${name}\u0000`, at, 'utf16le');
    directory.writeUInt16LE((name.length + 1) * 2, at + 64);
    directory[at + 66] = type;
    directory[at + 67] = 1;
    directory.writeUInt32LE(0xffffffff, at + 68);
    directory.writeUInt32LE(0xffffffff, at + 72);
    directory.writeUInt32LE(child, at + 76);
    directory.writeUInt32LE(start, at + 116);
    directory.writeUInt32LE(size, at + 120);
  };
  entry(0, 'Root Entry', 5, 1, 0xfffffffe, 0);
  entry(1, stream, 2, 0xffffffff, 2, 4096);
  const data = Buffer.alloc(4096, 0x20);
  data.write(payload, 0, 'utf8');
  return Buffer.concat([header, fat, directory, data]);
}

export const doc = () => compoundFile('WordDocument');
export const xls = () => compoundFile('Workbook');
export const ppt = () => compoundFile('PowerPoint Document');

export const pdf = (extra = '') =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n${extra}trailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );

const raster = () => sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 0, g: 94, b: 168 } } });
export const png = () => raster().png().toBuffer();
export const jpeg = () => raster().jpeg().toBuffer();
export const webp = () => raster().webp().toBuffer();
export const avif = () => raster().avif().toBuffer();
export const gif = () => raster().gif().toBuffer();

export const csv = () => Buffer.from('\uFEFFKommune;Einwohner\nMünster;320946\nHamm;179238\n', 'utf8');

/** Every allowed format: the content, the extension it is stored with and the MIME type it is stored as. */
export async function allowedSamples(): Promise<{ label: string; ext: string; mime: string; bytes: Buffer }[]> {
  return [
    { label: 'pdf', ext: '.pdf', mime: 'application/pdf', bytes: pdf() },
    { label: 'jpeg', ext: '.jpg', mime: 'image/jpeg', bytes: await jpeg() },
    { label: 'png', ext: '.png', mime: 'image/png', bytes: await png() },
    { label: 'webp', ext: '.webp', mime: 'image/webp', bytes: await webp() },
    { label: 'avif', ext: '.avif', mime: 'image/avif', bytes: await avif() },
    { label: 'doc', ext: '.doc', mime: 'application/msword', bytes: doc() },
    {
      label: 'docx',
      ext: '.docx',
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      bytes: docx(),
    },
    { label: 'xls', ext: '.xls', mime: 'application/vnd.ms-excel', bytes: xls() },
    {
      label: 'xlsx',
      ext: '.xlsx',
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: xlsx(),
    },
    { label: 'ppt', ext: '.ppt', mime: 'application/vnd.ms-powerpoint', bytes: ppt() },
    {
      label: 'pptx',
      ext: '.pptx',
      mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      bytes: pptx(),
    },
    { label: 'odt', ext: '.odt', mime: 'application/vnd.oasis.opendocument.text', bytes: odt() },
    { label: 'ods', ext: '.ods', mime: 'application/vnd.oasis.opendocument.spreadsheet', bytes: ods() },
    { label: 'csv', ext: '.csv', mime: 'text/csv', bytes: csv() },
    { label: 'zip', ext: '.zip', mime: 'application/zip', bytes: plainZip() },
  ];
}

/** Files that pass as an allowed type by their first bytes but carry script or markup. */
export const polyglots = {
  pdfHtml: () =>
    Buffer.concat([
      Buffer.from('%PDF-1.4\n<html><script>window.__pwned=1;console.log("IKZ-PWNED");alert(1)</script>\n'),
      pdf(),
    ]),
  pdfJs: () => Buffer.from('%PDF-1.4\n/*\n*/window.__pwned=1;console.log("IKZ-PWNED");\n'),
  gifJs: () => Buffer.from('GIF89a/*\u0000\u0000*/=1;window.__pwned=1;console.log("IKZ-PWNED");alert(1);\n', 'latin1'),
  svg: () =>
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>console.log("IKZ-PWNED")</script></svg>',
    ),
  xmlSvg: () =>
    Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  html: () => Buffer.from('<!doctype html><script>alert(1)</script>'),
  js: () => Buffer.from('window.__pwned=1;console.log("IKZ-PWNED");\n'),
  pngHtml: async () => Buffer.concat([await png(), Buffer.from('<html><script>alert(1)</script>')]),
  zipHtml: () => zip([['index.html', '<script>alert(1)</script>']]),
};
