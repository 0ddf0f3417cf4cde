import { describe, expect, it } from 'vitest';
import { adminOriginsOf } from '@ikz/scripts/preview/server';

describe("the admin's origins that may frame the preview", () => {
  it('are localhost and 127.0.0.1 alike for a local admin', () => {
    expect(adminOriginsOf('http://localhost:1337')).toEqual(['http://localhost:1337', 'http://127.0.0.1:1337']);
    expect(adminOriginsOf('http://127.0.0.1:8080/admin')).toEqual(['http://127.0.0.1:8080', 'http://localhost:8080']);
  });

  it('are exactly the public address otherwise', () => {
    expect(adminOriginsOf('https://redaktion.interkommunales.example/admin')).toEqual([
      'https://redaktion.interkommunales.example',
    ]);
  });
});
