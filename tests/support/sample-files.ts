/**
 * Files for the tests of the allowlist and of what enters a release: every allowlisted type (made in
 * samples.ts), images of a given size, and hostile files.
 */
import sharp from 'sharp';
import { allowedSamples as uploadSamples, compoundFile, pdf as basePdf, polyglots } from './samples.ts';

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

/** A small real PDF; `text` goes into a comment, so that two samples differ. */
export const pdf = (text = 'Protokoll') => basePdf(`% ${text}\n`);

export async function image(
  format: 'jpeg' | 'png' | 'webp' | 'avif' | 'gif',
  width = 64,
  height = 48,
): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 110, b: 160 } } })
    .toFormat(format)
    .toBuffer();
}

/** One sample of every allowlisted type (those of samples.ts), under a name with its canonical extension. */
export async function allowedSamples(): Promise<{ name: string; ext: string; data: Buffer }[]> {
  return (await uploadSamples()).map((sample) => ({
    name: `beispiel-${sample.label}${sample.ext}`,
    ext: sample.ext.slice(1),
    data: sample.bytes,
  }));
}

/** Files that must never be published or served as what they claim. */
export const HOSTILE_FILES: { name: string; data: Buffer }[] = [
  { name: 'protokoll.html', data: Buffer.from('<!doctype html><script>alert(document.domain)</script>') },
  { name: 'protokoll.pdf', data: Buffer.from('<html><body><script>alert(1)</script></body></html>') },
  { name: 'grafik.svg', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
  {
    name: 'grafik.png',
    data: Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
  },
  { name: 'app.js', data: Buffer.from('alert(document.cookie)') },
  { name: 'liste.csv', data: Buffer.from('<script>alert(1)</script>;1\n') },
  { name: 'daten.csv', data: Buffer.from('a;b\u0000c\n') },
  { name: 'programm.exe', data: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]) },
  { name: 'nachricht.msg', data: cfb() },
  { name: 'nachricht.doc', data: compoundFile('__substg1.0_0037001F') },
  { name: 'animation.gif', data: polyglots.gifJs() },
  { name: 'liste.csv', data: Buffer.from('Name;Wert\n<b>fett</b>;1\n') },
  {
    name: 'seite.xml',
    data: Buffer.from(
      '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>',
    ),
  },
];
