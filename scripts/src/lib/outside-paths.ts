/**
 * Finds references in the repository's source files to paths outside the repository (a folder beside the
 * clone, or `..` segments that climb above the repository root): the repository must run on its own after
 * `git clone`. Pure; a unit test runs it over every tracked source file.
 */
import path from 'node:path';

export interface OutsideReference {
  /** Repository-relative path of the file. */
  file: string;
  line: number;
  text: string;
  why: string;
}

const EXTENSIONS = ['.ts', '.mts', '.cts', '.mjs', '.cjs', '.js', '.astro', '.json', '.sh', '.md'];
/** Folders beside or above a clone that the project must never rely on. */
const OUTSIDE_NAMES = ['shared', 'wt', 'main', 'work'];

/** Whether a tracked file (repository-relative, forward slashes) is a source file the check reads. */
export function isCheckedSource(file: string): boolean {
  return file.startsWith('.ci/') || EXTENSIONS.some((ext) => file.endsWith(ext));
}

/** Where a relative path written in `file` points, relative to the repository root ('../…' is outside). */
function resolveFrom(file: string, relative: string): string {
  return path.posix.normalize(path.posix.join(path.posix.dirname(file), relative));
}

const outside = (resolved: string) => resolved === '..' || resolved.startsWith('../');
const quoted = String.raw`(['"\x60])`;
/** A relative path that starts with `..`: `../x`, `../../y/z` (not `...spread`, not `a/../b`). */
const RELATIVE = /(?<![\w.\/~$-])\.\.(?:\/[\w@.+-]*)+/g;
/** `'..', '..', 'name'` as arguments of a path join. */
const SEGMENTS = new RegExp(String.raw`((?:${quoted}\.\.\2\s*,\s*)+)(?:${quoted}([\w.-]+)\3)?`, 'g');
const ABSOLUTE = new RegExp(String.raw`(^|[^\w.-])/work/(${OUTSIDE_NAMES.join('|')})\b`);

/** Every line of `text` (the content of `file`) that refers to a path outside the repository. */
export function outsideReferences(file: string, text: string): OutsideReference[] {
  const found: OutsideReference[] = [];
  const depth = path.posix.dirname(file) === '.' ? 0 : path.posix.dirname(file).split('/').length;
  text.split('\n').forEach((content, index) => {
    const report = (why: string) => found.push({ file, line: index + 1, text: content.trim().slice(0, 200), why });
    for (const match of content.matchAll(RELATIVE)) {
      const name = match[0].split('/').find((part) => part !== '..' && part !== '');
      if (outside(resolveFrom(file, match[0]))) return report(`${match[0]} leads outside the repository`);
      if (name && OUTSIDE_NAMES.includes(name) && match[0].startsWith('../'))
        return report(`${match[0]} names a folder beside the clone`);
    }
    for (const match of content.matchAll(SEGMENTS)) {
      const ups = (match[1]!.match(/\.\./g) ?? []).length;
      const next = match[4];
      if (next && OUTSIDE_NAMES.includes(next)) return report(`'..' segments lead to '${next}' beside the clone`);
      if (ups > depth) return report(`${ups} '..' segments climb above the repository root from ${file}`);
    }
    if (ABSOLUTE.test(content)) return report('an absolute path to a folder outside the repository');
  });
  return found;
}
