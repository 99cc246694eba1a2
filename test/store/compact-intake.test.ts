/**
 * Intake's plain path (the HTTP function's JSON, `thidua intake`) reads of the nominations tab only its compact index
 * (responseId and what a nominee key is made of): in Google mode those columns alone. The outcomes are the same as
 * from whole rows, and the new row still lands below the last one, in every column.
 */
import { describe, expect, test } from 'vitest';
import { initCampaign } from '../../shared/jobs/init-campaign.js';
import { intake, type IntakeResult } from '../../shared/jobs/intake.js';
import { columnLetters } from '../../shared/google/sheets/a1.js';
import { IDENTITY_COLUMNS } from '../../shared/store/codecs/nominations.js';
import { layoutsFor } from '../../shared/store/layouts.js';
import { MemoryTables } from '../security/memory-tables.js';
import { rawIndividual, vanNinh } from '../support/builders.js';
import { googleStore, newFake, rawClient, server, serveFakeSheets } from './google-sheets-contract-harness.js';

serveFakeSheets();

const NOW = new Date('2024-08-20T02:00:00Z');
const nominationsTab = () => layoutsFor(vanNinh()).get('nominations')!;
const submit = (...payloads: unknown[]) => payloads.map((payload, i) => ({ payload, source: `test#${i + 1}` }));

/** What the duplicate checks decided, in short. */
function summary(o: IntakeResult) {
  const flagged = o.kind === 'accepted' ? o.findings.find((f) => f.code === 'DUPLICATE_NOMINEE') : undefined;
  const duplicateOf = flagged ? (['S-0', 'S-1', 'S-2', 'S-3'].find((id) => flagged.message.includes(id)) ?? 'unnamed') : undefined;
  return { kind: o.kind, ...(o.kind === 'accepted' ? { status: o.status, duplicateOf: duplicateOf ?? null } : {}), resent: 'resent' in o ? o.resent : undefined };
}

/** Every `values.batchGet`'s ranges while `run` runs. */
async function rangesRead(run: () => Promise<unknown>): Promise<string[][]> {
  const seen: string[][] = [];
  const listener = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (url.pathname.endsWith('/values:batchGet')) seen.push(url.searchParams.getAll('ranges'));
  };
  server.events.on('request:start', listener);
  try {
    await run();
  } finally {
    server.events.removeListener('request:start', listener);
  }
  return seen;
}

const stored = rawIndividual({ responseId: 'S-1', name: 'Trần Thị Lan', unit: 'UBND xã Vạn Thắng', birthDate: '1985-03-04', submittedAt: '2024-08-15T09:00:00+07:00' });
const earlier = rawIndividual({ responseId: 'S-0', name: 'Lê Văn Hùng', unit: 'UBND xã Vạn Thắng', birthDate: '1979-01-02', submittedAt: '2024-08-14T09:00:00+07:00', year: 2024 });
const later = { ...earlier, responseId: 'S-2', submittedAt: '2024-08-16T09:00:00+07:00' };
const lastYear = rawIndividual({ responseId: 'S-3', name: 'Võ Thị Mai', unit: 'UBND xã Vạn Thắng', birthDate: '1990-05-06', submittedAt: '2024-08-15T09:00:00+07:00', year: 2023 });
const sameNominee = (overrides: Record<string, unknown>) => ({ ...stored, responseId: 'N-1', submittedAt: '2024-08-18T09:00:00+07:00', ...overrides });

/** GIVEN the stored rows (S-0 and S-2 the same nominee, S-0 first; S-3 for the year 2023, sent in 2024), WHEN one submission comes, THEN this. */
const CASES: Array<{ name: string; payload: Record<string, unknown>; expected: ReturnType<typeof summary> }> = [
  { name: 'a new nominee is accepted', payload: rawIndividual({ responseId: 'N-1', name: 'Phạm Văn Tư' }), expected: { kind: 'accepted', status: 'eligible', duplicateOf: null, resent: undefined } },
  { name: 'a stored responseId with other content is a duplicate, not a resend', payload: { ...stored, name: 'Người khác' }, expected: { kind: 'duplicate', resent: undefined } },
  { name: 'the stored submission delivered again is a duplicate and a resend', payload: { ...stored }, expected: { kind: 'duplicate', resent: true } },
  { name: 'the same nominee in the same year is flagged, naming the stored one', payload: sameNominee({}), expected: { kind: 'accepted', status: 'duplicate', duplicateOf: 'S-1', resent: undefined } },
  { name: 'the same nominee written in other case and spacing is the same nominee', payload: sameNominee({ name: '  trần thị LAN ', unit: 'ubnd xã vạn thắng' }), expected: { kind: 'accepted', status: 'duplicate', duplicateOf: 'S-1', resent: undefined } },
  { name: 'the same nominee in another year is not a duplicate', payload: sameNominee({ year: 2023 }), expected: { kind: 'accepted', status: 'ineligible', duplicateOf: null, resent: undefined } },
  { name: 'another birth date is another person', payload: sameNominee({ birthDate: '1990-01-01' }), expected: { kind: 'accepted', status: 'eligible', duplicateOf: null, resent: undefined } },
  { name: 'the first submitted of the stored duplicates is named (the year read from its own column)', payload: { ...earlier, responseId: 'N-1', submittedAt: '2024-08-18T09:00:00+07:00', year: undefined }, expected: { kind: 'accepted', status: 'duplicate', duplicateOf: 'S-0', resent: undefined } },
  { name: 'a nominee stored for an earlier year is a duplicate in that year, not in the year sent', payload: { ...lastYear, responseId: 'N-1', submittedAt: '2024-08-18T09:00:00+07:00' }, expected: { kind: 'accepted', status: 'duplicate', duplicateOf: 'S-3', resent: undefined } },
  { name: 'a nominee stored for an earlier year is not a duplicate in the year sent', payload: { ...lastYear, responseId: 'N-1', submittedAt: '2024-08-18T09:00:00+07:00', year: undefined }, expected: { kind: 'accepted', status: 'eligible', duplicateOf: null, resent: undefined } },
];

describe('intake reads a compact index of the nominations tab', () => {
  test.each(CASES)('$name: the same from the Google Sheet (its columns only) as from whole rows', async ({ payload, expected }) => {
    const fake = newFake();
    const id = fake.createSpreadsheet({ title: 'Thi đua Vạn Ninh' });
    const google = await initCampaign(googleStore(id).store, vanNinh());
    const memory = await initCampaign(new MemoryTables(), vanNinh());
    for (const repo of [google, memory]) await intake(repo, submit(later, stored, earlier, lastYear), NOW);

    const [fromColumns] = await intake(google, submit(payload), NOW);
    const [fromRows] = await intake(memory, submit(payload), NOW);
    expect(summary(fromColumns!)).toEqual(expected);
    expect(summary(fromRows!)).toEqual(expected);
  });

  test('reads the nominations tab as its header and the index columns only, and the new row lands below the last in every column', async () => {
    const fake = newFake();
    const id = fake.createSpreadsheet({ title: 'Thi đua Vạn Ninh' });
    const repo = await initCampaign(googleStore(id).store, vanNinh());
    await intake(repo, submit(...Array.from({ length: 30 }, () => rawIndividual())), NOW);
    fake.resetCounts();
    const tab = nominationsTab();
    const title = `'${tab.title}'`;
    const reads = await rangesRead(() => intake(repo, submit(rawIndividual({ responseId: 'NEW-1' })), NOW));
    expect(fake.counts['values.batchGet']).toBe(1);
    const columns = IDENTITY_COLUMNS.map((key) => {
      const letters = columnLetters(tab.columns.findIndex((c) => c.key === key));
      return `${title}!${letters}:${letters}`;
    });
    expect(reads[0]).toEqual(expect.arrayContaining([`${title}!1:1`, ...columns]));
    expect(reads[0]).not.toContain(title);
    expect(columns.length).toBeLessThan(tab.columns.length / 3);

    const rows = (await googleStore(id).store.readTabs([tab])).get('nominations')!;
    expect(rows).toHaveLength(31);
    expect(rows.at(-1)).toMatchObject({ responseId: 'NEW-1', __row: 32, position: 'Trưởng thôn', status: expect.any(String) });
  });

  test('a column moved by hand: the tab is read again whole, and duplicates are still found', async () => {
    const fake = newFake();
    const id = fake.createSpreadsheet({ title: 'Thi đua Vạn Ninh' });
    const repo = await initCampaign(googleStore(id).store, vanNinh());
    await intake(repo, submit(stored), NOW);
    // the council swaps the "name" and "unit" columns, headers and cells
    const tab = nominationsTab();
    const at = (key: string) => columnLetters(tab.columns.findIndex((c) => c.key === key));
    const api = rawClient();
    const read = async (col: string) => (await api.spreadsheets.values.get({ spreadsheetId: id, range: `'${tab.title}'!${col}1:${col}2` })).data.values!;
    const [name, unit] = [await read(at('name')), await read(at('unit'))];
    await api.spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: { valueInputOption: 'RAW', data: [{ range: `'${tab.title}'!${at('name')}1:${at('name')}2`, values: unit }, { range: `'${tab.title}'!${at('unit')}1:${at('unit')}2`, values: name }] },
    });
    fake.resetCounts();
    const [again] = await intake(repo, submit(sameNominee({})), NOW);
    expect(summary(again!)).toEqual({ kind: 'accepted', status: 'duplicate', duplicateOf: 'S-1', resent: undefined });
    expect(fake.counts['values.batchGet']).toBe(2);
    const rows = (await googleStore(id).store.readTabs([tab])).get('nominations')!;
    expect(rows.map((r) => [r.responseId, r.name, r.unit])).toEqual([
      ['S-1', 'Trần Thị Lan', 'UBND xã Vạn Thắng'],
      ['N-1', 'Trần Thị Lan', 'UBND xã Vạn Thắng'],
    ]);
  });
});
