/** Small real files for the demo content: one-page PDFs (pdf-lib) and project images (sharp). */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import sharp from 'sharp';

function wrap(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Characters outside WinAnsi (the standard PDF fonts' encoding) would make pdf-lib throw. */
function winAnsi(text: string): string {
  return text
    .replace(/[„“]/g, '"')
    .replace(/[‚‘’]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '');
}

export async function makePdf(doc: {
  title: string;
  kind: string;
  date: string;
  publisher: string;
  body: string[];
}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(doc.title);
  pdf.setLanguage('de-DE');
  pdf.setAuthor(doc.publisher);
  pdf.setCreator('Interkommunales.NRW – Demo-Inhalte');
  const fixed = new Date('2020-01-01T00:00:00Z');
  pdf.setCreationDate(fixed);
  pdf.setModificationDate(fixed);
  const page = pdf.addPage([595, 842]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let y = 780;
  page.drawText(winAnsi(`${doc.kind} · ${doc.date}`), { x: 56, y, size: 10, font: regular, color: rgb(0.3, 0.3, 0.3) });
  y -= 28;
  for (const line of wrap(winAnsi(doc.title), 60)) {
    page.drawText(line, { x: 56, y, size: 16, font: bold });
    y -= 22;
  }
  y -= 8;
  page.drawText(winAnsi(doc.publisher), { x: 56, y, size: 11, font: regular });
  y -= 30;
  for (const paragraph of doc.body) {
    for (const line of wrap(winAnsi(paragraph), 90)) {
      if (y < 60) break;
      page.drawText(line, { x: 56, y, size: 10.5, font: regular });
      y -= 15;
    }
    y -= 10;
  }
  page.drawText('Demo-Dokument – erstellt für Interkommunales.NRW, ohne Rechtswirkung.', {
    x: 56,
    y: 40,
    size: 8,
    font: regular,
    color: rgb(0.4, 0.4, 0.4),
  });
  return pdf.save({ useObjectStreams: true });
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A 1200×675 JPEG: a coloured abstract pattern with the topic name. */
export async function makeProjectImage(label: string, hue: number): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="hsl(${hue},55%,38%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},60%,62%)"/>
  </linearGradient></defs>
  <rect width="1200" height="675" fill="url(#g)"/>
  <circle cx="${200 + (hue % 7) * 110}" cy="260" r="190" fill="hsla(${(hue + 180) % 360},70%,85%,0.35)"/>
  <circle cx="${900 - (hue % 5) * 80}" cy="470" r="260" fill="hsla(${(hue + 90) % 360},70%,90%,0.25)"/>
  <text x="60" y="610" font-family="DejaVu Sans, sans-serif" font-size="54" font-weight="bold" fill="#fff">${escapeXml(label)}</text>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80, mozjpeg: true }).toBuffer();
}
