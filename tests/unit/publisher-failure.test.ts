import { describe, expect, it } from 'vitest';
import { StrapiRequestError } from '@ikz/shared-types/rest';
import { ReleaseCheckError } from '@ikz/site/builder/errors';
import { editorMessage, failureKind } from '@ikz/scripts/publisher/failure';

const wrapped = (cause: unknown) => new Error('Cannot read projects for the site – see the cause', { cause });

describe('failed builds, as editors are told', () => {
  it('takes the kind from the error types along the cause chain, not from the wording', () => {
    expect(failureKind(wrapped(new StrapiRequestError('whatever it says', null)))).toBe('strapi');
    expect(failureKind(wrapped(wrapped(new StrapiRequestError('x', 401))))).toBe('token');
    expect(failureKind(new StrapiRequestError('x', 403))).toBe('token');
    expect(failureKind(wrapped(new StrapiRequestError('Strapi is not reachable', 500)))).toBe('other');
    expect(failureKind(new ReleaseCheckError(['/projekte/: 3 pages, but Strapi has 4 published projects']))).toBe(
      'check',
    );
    // Wording alone changes nothing: a plain error that reads like one of the kinds is "other".
    expect(
      failureKind(new Error('Release check failed: Strapi is not reachable, token was refused (ECONNREFUSED)')),
    ).toBe('other');
    expect(
      failureKind(
        new Error("ENOSPC: no space left on device, write '/srv/interkommunales/site/releases/x/index.html'"),
      ),
    ).toBe('other');
    expect(failureKind('a string')).toBe('other');
    expect(failureKind(undefined)).toBe('other');
  });

  it('survives a cause cycle', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(failureKind(a)).toBe('other');
  });

  it('tells editors what happens, without internals', () => {
    for (const error of [
      wrapped(new StrapiRequestError('GET http://127.0.0.1:1337/api/projects', null)),
      new Error('/srv/interkommunales/site/releases/x failed at http://10.0.0.1:1337'),
    ]) {
      const message = editorMessage(error);
      expect(message).toMatch(/vorherigen Stand/);
      expect(message).not.toMatch(/\/srv|http|127\.0|releases|Error/);
    }
    expect(editorMessage(new ReleaseCheckError(['x']))).toMatch(/Prüfung vor dem Veröffentlichen nicht bestanden/);
  });
});
