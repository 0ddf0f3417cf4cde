import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ABORTED,
  bounded,
  HISTORY_LIMIT,
  historyFile,
  loadHistory,
  parseHistory,
  saveHistory,
  settleInterrupted,
  type BuildRecord,
} from '@ikz/scripts/publisher/history';
import { renderStatusPage } from '@ikz/scripts/publisher/status-page';

const record = (n: number, changes: Partial<BuildRecord> = {}): BuildRecord => ({
  id: `20261122T0${String(n).padStart(5, '0')}000Z-ab12`,
  startedAt: new Date(Date.UTC(2026, 10, 22, 10, 0, n)).toISOString(),
  seconds: 1.5,
  result: 'success',
  kind: 'incremental',
  reason: null,
  error: null,
  pages: { rendered: 3, reused: 100, total: 103 },
  recycled: true,
  searchChanged: 2,
  differences: null,
  changes: 1,
  skipped: [],
  withheld: [],
  phases: { content: 0.2 },
  ...changes,
});

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ikz-history-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('parseHistory', () => {
  it('reads the records back as written', () => {
    const records = [record(2, { result: 'failed', error: 'Strapi war nicht erreichbar.', pages: null }), record(1)];
    expect(parseHistory(JSON.stringify(records))).toEqual({ records, problem: null });
  });

  it('shows a build a killed process left running as aborted, with a German note', () => {
    const { records } = parseHistory(
      JSON.stringify([record(3, { result: 'running', seconds: null, kind: null, pages: null }), record(2)]),
    );
    expect(records[0]).toMatchObject({ result: 'failed', error: ABORTED, seconds: null });
    expect(records[1]).toEqual(record(2));
    expect(settleInterrupted(record(1))).toEqual(record(1));
  });

  it('ignores a damaged file, naming what is wrong, and never throws', () => {
    expect(parseHistory('[{"id": "2026')).toMatchObject({
      records: [],
      problem: expect.stringMatching(/^not valid JSON/),
    });
    expect(parseHistory('{"history": []}')).toEqual({ records: [], problem: 'not a list of build records' });
    expect(parseHistory('')).toMatchObject({ records: [], problem: expect.stringMatching(/^not valid JSON/) });
  });

  it('leaves out damaged records and keeps the others', () => {
    const text = JSON.stringify([record(3), { id: 'x', result: 'vielleicht' }, null, record(1)]);
    expect(parseHistory(text)).toEqual({ records: [record(3), record(1)], problem: '2 damaged record(s) left out' });
  });

  it('keeps the newest records only', () => {
    const many = Array.from({ length: HISTORY_LIMIT + 7 }, (_, i) => record(HISTORY_LIMIT + 7 - i));
    expect(parseHistory(JSON.stringify(many)).records).toEqual(many.slice(0, HISTORY_LIMIT));
    expect(bounded(many, 3).map((r) => r.id)).toEqual(many.slice(0, 3).map((r) => r.id));
  });
});

describe('saveHistory and loadHistory', () => {
  it('write the records into the site root and read them back, bounded', () => {
    const many = Array.from({ length: HISTORY_LIMIT + 1 }, (_, i) => record(HISTORY_LIMIT + 1 - i));
    saveHistory(root, many);
    expect(historyFile(root)).toBe(path.join(root, 'history.json'));
    expect(loadHistory(root)).toEqual({ records: many.slice(0, HISTORY_LIMIT), problem: null });
    expect(fs.readdirSync(root)).toEqual(['history.json']);
  });

  it('replace the file as a whole', () => {
    saveHistory(root, [record(1)]);
    const before = fs.statSync(historyFile(root)).ino;
    saveHistory(root, [record(2), record(1)]);
    expect(fs.statSync(historyFile(root)).ino).not.toBe(before);
    expect(loadHistory(root).records).toHaveLength(2);
  });

  it('start empty without a file, and report one that cannot be read', () => {
    expect(loadHistory(root)).toEqual({ records: [], problem: null });
    fs.mkdirSync(historyFile(root));
    expect(loadHistory(root)).toEqual({ records: [], problem: 'cannot be read (EISDIR)' });
    expect(() => saveHistory(root, [record(1)])).toThrow();
    expect(fs.readdirSync(root)).toEqual(['history.json']);
  });

  it('report a truncated file instead of failing', () => {
    fs.writeFileSync(historyFile(root), JSON.stringify([record(2), record(1)]).slice(0, 150));
    expect(loadHistory(root)).toMatchObject({ records: [], problem: expect.stringMatching(/^not valid JSON/) });
  });
});

describe('the status page after a restart', () => {
  it('lists the loaded builds, an aborted one as failed with its note', () => {
    const { records } = parseHistory(
      JSON.stringify([record(2, { result: 'running', seconds: null, kind: null, pages: null }), record(1)]),
    );
    const html = renderStatusPage({ state: 'idle', pending: 0, live: record(1).id, history: records });
    expect(html).not.toContain('Noch kein Neubau');
    expect(html).toContain(`fehlgeschlagen: ${ABORTED}`);
    expect(html).toContain('erfolgreich');
    expect(html).toContain('<td>3</td><td>100</td>');
  });
});
