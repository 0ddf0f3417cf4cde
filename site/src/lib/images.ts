/**
 * Project images as the site serves them: responsive WebP variants and a fallback in the original format,
 * under /bilder/ with the upload's hash in the name (so a new upload gets new URLs). Pure: says which files a
 * page needs; the build makes them with sharp (see builder/assets.ts).
 */
export const IMAGE_PREFIX = '/bilder/';
export const IMAGE_WIDTHS = [480, 800, 1200] as const;
export const IMAGE_SIZES = '(max-width: 50rem) 100vw, 44rem';

export interface SiteImage {
  /** The upload's hash, reduced to [A-Za-z0-9_]: names the files. */
  key: string;
  width: number;
  height: number;
  alt: string;
  /** Format of the fallback <img>: the original's, or JPEG for anything else. */
  fallback: 'jpeg' | 'png';
}

export interface ImageFile {
  /** Site path, e.g. /bilder/abc123-800.webp */
  path: string;
  width: number;
  format: 'webp' | 'jpeg' | 'png';
}

const EXT = { webp: 'webp', jpeg: 'jpg', png: 'png' } as const;

export const imageKey = (hash: string) => hash.replace(/[^A-Za-z0-9_]/g, '').slice(0, 64) || 'bild';

function file(image: SiteImage, width: number, format: ImageFile['format']): ImageFile {
  return { path: `${IMAGE_PREFIX}${image.key}-${width}.${EXT[format]}`, width, format };
}

/** The widths to offer: the standard ones up to the original's width, at least one. */
export function widthsFor(originalWidth: number): number[] {
  const fitting = IMAGE_WIDTHS.filter((w) => w <= originalWidth);
  return fitting.length ? fitting : [originalWidth];
}

export interface ImageMarkup {
  webp: ImageFile[];
  fallback: ImageFile;
  fallbackHeight: number;
}

export function imageMarkup(image: SiteImage): ImageMarkup {
  const widths = widthsFor(image.width);
  const fallbackWidth = widths.includes(800) ? 800 : widths[widths.length - 1]!;
  return {
    webp: widths.map((w) => file(image, w, 'webp')),
    fallback: file(image, fallbackWidth, image.fallback),
    fallbackHeight: Math.round((image.height * fallbackWidth) / image.width),
  };
}

/** Every file an image needs. */
export function imageFiles(image: SiteImage): ImageFile[] {
  const markup = imageMarkup(image);
  return [...markup.webp, markup.fallback];
}
