import { describe, expect, it } from 'vitest';
import { StrapiRequestError } from '@ikz/shared-types/rest';
import { editorMessage, failureKind } from '@ikz/scripts/publisher/failure';

describe('failed builds, as editors are told', () => {
  it('names the cause without internals', () => {
    const unreachable = new Error('Cannot load projects for the site build – Strapi is not reachable at http://127.0.0.1:1337: start it', { cause: new StrapiRequestError('x', null) });
    expect(failureKind(unreachable)).toBe('strapi');
    expect(failureKind(new Error('The site build failed (exit 1):\n GET /api/projects failed with 401: Missing or invalid credentials – check the API token'))).toBe('token');
    expect(failureKind(new Error('Release check failed: /projekte/: 3 pages, but Strapi has 4 published projects'))).toBe('check');
    expect(failureKind(new Error('ENOSPC: no space left on device, write \'/srv/interkommunales/site/releases/x/index.html\''))).toBe('other');
    for (const error of [unreachable, new Error('/srv/interkommunales/site/releases/x failed at http://10.0.0.1:1337')]) {
      const message = editorMessage(error);
      expect(message).toMatch(/vorherigen Stand/);
      expect(message).not.toMatch(/\/srv|http|127\.0|releases|Error/);
    }
  });
});
