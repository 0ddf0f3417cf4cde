/**
 * The nginx sample serves uploaded files by its own configuration, not by code: its `types {}` blocks, CSP
 * and Content-Disposition maps must say what the one allowlist (@ikz/shared-types/file-types) says. Read
 * from the file as nginx would (comments dropped); that nginx really sends it is tests/site/nginx.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOWED_FILE_TYPES, FILE_CSP, servingHeaders } from '@ikz/shared-types/file-types';

const SAMPLE = path.resolve(import.meta.dirname, '../../scripts/deploy/nginx.conf');
const conf = fs
  .readFileSync(SAMPLE, 'utf8')
  .split('\n')
  .map((line) => line.replace(/(^|\s)#.*$/, ''))
  .join('\n');

/** The body of the first block that follows `opening` (e.g. "location ^~ /dateien/"), braces balanced. */
function block(opening: string, within = conf): string {
  const start = within.indexOf(`${opening} {`);
  expect(start, opening).toBeGreaterThanOrEqual(0);
  let depth = 0;
  for (let i = start + opening.length + 1; i < within.length; i += 1) {
    if (within[i] === '{') depth += 1;
    if (within[i] === '}' && --depth === 0) return within.slice(within.indexOf('{', start) + 1, i);
  }
  throw new Error(`${opening}: block not closed`);
}

/** A `types {}` block as MIME type → its extensions, sorted. */
function types(location: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [mime, ...exts] of statements(block('types', block(location)))) {
    expect(result[mime!], `${mime} twice in ${location}`).toBeUndefined();
    result[mime!] = exts.sort();
  }
  return result;
}

const expected = (image: boolean) =>
  Object.fromEntries(
    ALLOWED_FILE_TYPES.filter((t) => !image || t.image).map((t) => [t.mime, [t.ext, ...t.aliases].sort()]),
  );

/** The statements of a block as lists of tokens (nginx quoting: a quoted string may hold ";" and spaces). */
function statements(body: string): string[][] {
  const result: string[][] = [];
  let current: string[] = [];
  for (const [, quoted, bare, end] of body.matchAll(/"([^"]*)"|([^\s;"]+)|(;)/g)) {
    if (end) {
      result.push(current);
      current = [];
    } else current.push(quoted ?? bare!);
  }
  expect(current, 'statement without ";"').toEqual([]);
  return result;
}

/** The entries of a `map $source $name {}` block as [pattern, value]. */
function mapEntries(name: string): [string, string][] {
  const opening = conf.match(new RegExp(`map \\S+ \\$${name}`))?.[0];
  expect(opening, name).toBeDefined();
  return statements(block(opening!)).map((tokens) => {
    expect(tokens, tokens.join(' ')).toHaveLength(2);
    return [tokens[0]!, tokens[1]!];
  });
}

/** The value of the first map entry whose regex (nginx: ~ or ~* prefix) matches `subject`, else its default. */
function mapValue(name: string, subject: string): string {
  let fallback = '';
  for (const [pattern, value] of mapEntries(name)) {
    if (pattern === 'default') fallback = value;
    else if (pattern.startsWith('~')) {
      const caseless = pattern.startsWith('~*');
      if (new RegExp(pattern.slice(caseless ? 2 : 1), caseless ? 'i' : '').test(subject)) return value;
    } else if (pattern === subject) return value;
  }
  return fallback;
}

const SPELLINGS = ALLOWED_FILE_TYPES.flatMap((t) => [t.ext, ...t.aliases]);
const FOREIGN = ['html', 'htm', 'svg', 'js', 'xml', 'gif', 'txt', 'php'];

describe('the nginx sample and the one allowlist', () => {
  it('gives /dateien/ exactly the allowed types and /bilder/ exactly the allowed images', () => {
    expect(types('location ^~ /dateien/')).toEqual(expected(false));
    expect(types('location ^~ /bilder/')).toEqual(expected(true));
    for (const location of ['location ^~ /dateien/', 'location ^~ /bilder/']) {
      expect(block(location)).toMatch(/default_type application\/octet-stream;/);
    }
  });

  it('sends uploaded files with the shared CSP, on the site and on /uploads/ of the admin host', () => {
    for (const dir of ['dateien', 'bilder']) expect(mapValue('ikz_csp', `/${dir}/datei-abc.pdf`)).toBe(FILE_CSP);
    expect(block('location ^~ /uploads/')).toContain(`add_header Content-Security-Policy "${FILE_CSP}" always;`);
    expect(block('location ^~ /uploads/')).toContain('add_header X-Content-Type-Options "nosniff" always;');
  });

  it('decides Content-Disposition as servingHeaders does', () => {
    for (const dir of ['dateien', 'bilder']) {
      for (const ext of [...SPELLINGS, ...SPELLINGS.map((e) => e.toUpperCase()), ...FOREIGN]) {
        const file = `/${dir}/datei-abc.${ext}`;
        expect(mapValue('ikz_disposition', file), file).toBe(servingHeaders(file)['Content-Disposition']);
      }
      expect(mapValue('ikz_disposition', `/${dir}/datei-abc`)).toBe('attachment');
    }
    // Strapi's /uploads/, by the type Strapi answers with (servingHeaders of the same file name).
    for (const ext of [...SPELLINGS, ...FOREIGN]) {
      const headers = servingHeaders(`datei.${ext}`);
      expect(mapValue('ikz_upload_disposition', headers['Content-Type']!), ext).toBe(headers['Content-Disposition']);
    }
    expect(mapValue('ikz_upload_disposition', 'text/html; charset=utf-8')).toBe('attachment');
    expect(mapValue('ikz_upload_disposition', 'image/svg+xml')).toBe('attachment');
  });
});
