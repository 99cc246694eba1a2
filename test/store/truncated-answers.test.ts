/**
 * A `200` whose body was cut short (gaxios hands it over as a string) is no answer: the store retries it instead of
 * reading an empty tab, and a write whose answer was cut short is recognised, not repeated twice into the sheet.
 */
import { describe, expect, test } from 'vitest';
import { GoogleSheetsStore } from '../../shared/google/sheets/sheets-store.js';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { intake } from '../../shared/jobs/intake.js';
import { FakeSheets } from '../fakes/sheets-fake.js';
import { certsHandler, server, tokenAuth, useMsw } from '../functions/harness.js';
import { keyCounts, VirtualClock } from '../reliability/google-harness.js';
import { rawIndividual, vanNinh } from '../support/builders.js';

useMsw();

const NOW = new Date('2024-08-20T03:00:00Z');

async function setup(lock: boolean) {
  const fake = new FakeSheets({ seed: 88 });
  server.use(certsHandler(), ...fake.handlers);
  const id = fake.createSpreadsheet({ title: 'Thi đua Vạn Ninh' });
  const clock = new VirtualClock();
  const tables = new GoogleSheetsStore({ spreadsheetId: id, auth: tokenAuth(), sleep: clock.sleep, now: clock.now, random: () => 0.5, ...(lock ? { lock: true } : {}) });
  const repo = await initCampaign(tables, vanNinh());
  await intake(repo, [{ payload: rawIndividual({ responseId: 'cut-0' }), source: 'test' }], NOW);
  fake.resetCounts();
  return { fake, id, repo };
}

describe('an answer cut short', () => {
  test('to a read is retried, not taken for an empty tab: the stored nomination is still found', async () => {
    const { fake, id, repo } = await setup(false);
    fake.faults.enqueue({ kind: 'truncated' }, 'values.batchGet');
    const [outcome] = await intake(repo, [{ payload: rawIndividual({ responseId: 'cut-0' }), source: 'test' }], NOW);
    expect(outcome?.kind).toBe('duplicate');
    expect(fake.counts['values.batchGet']).toBe(2);
    expect([...keyCounts(fake, id)]).toEqual([['cut-0', 1]]);
  });

  test('to a fenced write is recognised as applied: stored once, the lock given back', async () => {
    const { fake, id, repo } = await setup(true);
    let writes = 0;
    fake.faults.setDecider((call) => (call.method === 'spreadsheets.batchUpdate' && ++writes === 2 ? { kind: 'truncated' } : undefined));
    const [outcome] = await intake(repo, [{ payload: rawIndividual({ responseId: 'cut-1' }), source: 'test' }], NOW);
    expect(outcome?.kind).toBe('accepted');
    expect([...keyCounts(fake, id)]).toEqual([['cut-0', 1], ['cut-1', 1]]);
    expect(fake.spreadsheet(id).sheets.map((s) => s.properties.title)).not.toContain('thidua-khoa-ghi');
  });
});
