/**
 * The admin in German: every English text of the admin parts editors and administrators meet has a German
 * translation, in Strapi's own files or in ours. Fails when a Strapi update brings new English texts.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_TRANSLATIONS_DE } from '@ikz/cms/lib/admin-translations';
import { REPO_ROOT } from '@ikz/scripts/lib/strapi-process';

const require = createRequire(import.meta.url);

/** Where each admin package keeps its translations, and the prefix the admin gives its keys. */
const PACKAGES: [dir: string, prefix: string][] = [
  ['admin/dist/admin/admin/src/translations', ''],
  ['content-manager/dist/admin/translations', 'content-manager.'],
  ['upload/dist/admin/translations', 'upload.'],
  ['i18n/dist/admin/translations', 'i18n.'],
  ['plugin-users-permissions/dist/admin/translations', 'users-permissions.'],
  ['email/dist/admin/translations', 'email.'],
  ['content-type-builder/dist/admin/translations', 'content-type-builder.'],
];

/** Texts of features this installation does not have: Enterprise audit logs and trials, AI metadata. */
const NOT_SHOWN =
  /auditLogs|UpsellBanner|aiMetadata|[gG]eneratingMetadata|metadataGenerated|metadataSkipped|metadataFailed|create-metadata|'$/;

function load(dir: string, locale: string): Record<string, string> {
  const module = require(path.join(REPO_ROOT, 'node_modules', '@strapi', dir, `${locale}.json.js`));
  return module.default ?? module;
}

const english: Record<string, string> = {};
const german: Record<string, string> = {};
for (const [dir, prefix] of PACKAGES) {
  for (const [key, text] of Object.entries(load(dir, 'en'))) english[prefix + key] = text;
  for (const [key, text] of Object.entries(load(dir, 'de'))) german[prefix + key] = text;
}

/** The ICU arguments of a message: "{count, plural, one {# Datei} …}" → count. */
const argumentsOf = (message: string) =>
  new Set([...message.matchAll(/\{\s*([A-Za-z][\w]*)\s*[,}]/g)].map((m) => m[1]));

describe('German admin texts', () => {
  it('translate every English text of the admin, the content manager, the media library and the settings', () => {
    const missing = Object.keys(english).filter(
      (key) => !NOT_SHOWN.test(key) && !(key in ADMIN_TRANSLATIONS_DE) && !(key in german),
    );
    expect(missing).toEqual([]);
  });

  it('replace the texts Strapi left in English', () => {
    for (const key of [
      'content-manager.components.uid.available',
      'content-manager.components.uid.regenerate',
      'Auth.form.button.login',
      'search.placeholder',
      'content-manager.plugin.name',
    ]) {
      expect(ADMIN_TRANSLATIONS_DE[key], key).toBeDefined();
      expect(ADMIN_TRANSLATIONS_DE[key]).not.toBe(english[key]);
    }
    expect(ADMIN_TRANSLATIONS_DE['app.components.MediaLibraryBanner.intro']).toMatch(/Medienbibliothek/);
  });

  it('keep the arguments of the English messages and contain no ICU quote characters', () => {
    for (const [key, text] of Object.entries(ADMIN_TRANSLATIONS_DE)) {
      expect(text.trim(), key).not.toBe('');
      expect(text, key).not.toContain("'");
      if (english[key] !== undefined) expect(argumentsOf(text), key).toEqual(argumentsOf(english[key]));
    }
  });
});
