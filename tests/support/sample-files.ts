/**
 * Real files of every allowlisted type, and hostile ones, made here byte by byte (images with sharp, Office
 * and ODF containers as real ZIP archives) for the tests of the allowlist and of what enters a release.
 */
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { compoundFile, polyglots } from './samples.ts';

/** A ZIP archive with the given entries, stored uncompressed (enough for type detection and unzip). */
export function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const file = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(file.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(file.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, file, data);
    centrals.push(central, file);
    offset += local.length + file.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const openXml = (part: string, type: string) =>
  zip({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${part}" ContentType="${type}"/></Types>`,
    [part]: '<?xml version="1.0"?><root/>',
  });

const openDocument = (mime: string) => zip({ mimetype: mime, 'content.xml': '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>' });

/** The header of an OLE2 (Compound File) container, as old Word, Excel and PowerPoint files begin, without a directory. */
export function cfb(): Buffer {
  const data = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(data);
  data.writeUInt16LE(0x3e, 24);
  data.writeUInt16LE(3, 26);
  data.writeUInt16LE(0xfffe, 28);
  data.writeUInt16LE(9, 30);
  return data;
}

export const pdf = (text = 'Protokoll') => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

export async function image(format: 'jpeg' | 'png' | 'webp' | 'avif' | 'gif', width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 110, b: 160 } } }).toFormat(format).toBuffer();
}

/** One sample of every allowlisted type, under a name with its canonical extension. */
export async function allowedSamples(): Promise<{ name: string; ext: string; data: Buffer }[]> {
  return [
    { name: 'vertrag.pdf', ext: 'pdf', data: pdf() },
    { name: 'foto.jpg', ext: 'jpg', data: await image('jpeg') },
    { name: 'karte.png', ext: 'png', data: await image('png') },
    { name: 'bild.webp', ext: 'webp', data: await image('webp') },
    { name: 'bild.avif', ext: 'avif', data: await image('avif') },
    { name: 'alt.doc', ext: 'doc', data: compoundFile('WordDocument') },
    { name: 'alt.xls', ext: 'xls', data: compoundFile('Workbook') },
    { name: 'alt.ppt', ext: 'ppt', data: compoundFile('PowerPoint Document') },
    { name: 'satzung.docx', ext: 'docx', data: openXml('word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml') },
    { name: 'haushalt.xlsx', ext: 'xlsx', data: openXml('xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml') },
    { name: 'vortrag.pptx', ext: 'pptx', data: openXml('ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml') },
    { name: 'text.odt', ext: 'odt', data: openDocument('application/vnd.oasis.opendocument.text') },
    { name: 'tabelle.ods', ext: 'ods', data: openDocument('application/vnd.oasis.opendocument.spreadsheet') },
    { name: 'anlagen.zip', ext: 'zip', data: zip({ 'anlage.txt': 'Anlage' }) },
    { name: 'liste.csv', ext: 'csv', data: Buffer.from('Kommune;Einwohner\nMünster;320000\n') },
  ];
}

/** Files that must never be published or served as what they claim. */
export const HOSTILE_FILES: { name: string; data: Buffer }[] = [
  { name: 'protokoll.html', data: Buffer.from('<!doctype html><script>alert(document.domain)</script>') },
  { name: 'protokoll.pdf', data: Buffer.from('<html><body><script>alert(1)</script></body></html>') },
  { name: 'grafik.svg', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
  { name: 'grafik.png', data: Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') },
  { name: 'app.js', data: Buffer.from('alert(document.cookie)') },
  { name: 'liste.csv', data: Buffer.from('<script>alert(1)</script>;1\n') },
  { name: 'daten.csv', data: Buffer.from('a;b\u0000c\n') },
  { name: 'programm.exe', data: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]) },
  { name: 'nachricht.msg', data: cfb() },
  { name: 'nachricht.doc', data: compoundFile('__substg1.0_0037001F') },
  { name: 'animation.gif', data: polyglots.gifJs() },
  { name: 'liste.csv', data: Buffer.from('Name;Wert\n<b>fett</b>;1\n') },
  { name: 'seite.xml', data: Buffer.from('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>') },
];
