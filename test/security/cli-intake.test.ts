/**
 * `thidua intake <file>` with hostile and broken files: exit 0 or 1 with a message naming the field or the file,
 * never 2 (an unexpected failure) and never a stack trace; a file that cannot be read changes nothing in the workbook.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { campaigns, tempDir } from '../support/builders.js';
import { hostileNomination, mutated, serialize } from './hostile.js';
import { thiduaAt } from '../support/cli.js';
import { snapshotOf } from '../support/campaign.js';

const thidua = thiduaAt('2024-08-20T02:00:00Z');

let dir: string;
let store: string;
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(async () => {
  dir = tempDir('thidua-cli-hostile-');
  store = join(dir, 'so.xlsx');
  expect((await thidua('init', 'van-ninh-dan-van-kheo', '--store', store)).code).toBe(0);
});

describe('thidua intake with hostile files', () => {
  test('files of nominations with hostile fields: exit 0 or 1, each outcome reported, never a crash', async () => {
    let n = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutated, { minLength: 1, maxLength: 3 }), async (list) => {
        const body = serialize(list.map((overrides) => hostileNomination(`cli-${++n}`, overrides)));
        const result = await thidua('intake', file(`ho-so-${n}.json`, body), '--store', store);
        expect([0, 1], result.stderr).toContain(result.code);
        expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
        accepted += (result.stdout.match(/✔/g) ?? []).length;
      }),
      { numRuns: Number(process.env.THIDUA_PROPERTY_RUNS ?? 12) },
    );
    const { nominations, problems } = await snapshotOf(await CampaignRepository.open(SqliteStore.forWorkbook(store), campaigns));
    expect(nominations.length).toBe(accepted);
    expect(problems).toEqual([]);
  });

  test.each([
    ['malformed JSON', '{"responseId": "x",'],
    ['NaN in JSON', '[{"responseId": "x", "selfScores": {"1": NaN}}]'],
    ['an empty file', ''],
    ['binary bytes', '\u0000\u0001\u00ff PK\u0003\u0004'],
  ])('%s: exit 1 naming the file, and the workbook is not touched', async (name, text) => {
    const before = readFileSync(store);
    const path = file(`${name.replace(/\W+/g, '-')}.json`, text);
    const result = await thidua('intake', path, '--store', store);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(path.split('/').at(-1));
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(readFileSync(store).equals(before)).toBe(true);
  });

  test.each([
    ['a number', '42'],
    ['an array nested 50,000 deep', `${'['.repeat(50_000)}${']'.repeat(50_000)}`],
    ['an object nested 20,000 deep', `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`],
  ])('%s: read, but not a nomination: exit 1, refused and recorded in the rejections tab', async (name, text) => {
    const path = file(`${name.replace(/\W+/g, '-')}.json`, text);
    const result = await thidua('intake', path, '--store', store);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain(`✘ ${path}#1: bị từ chối`);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
