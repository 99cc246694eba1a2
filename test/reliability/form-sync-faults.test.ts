/**
 * The form sync (Cloud Scheduler's catch-up) on the council's Google Sheet while Google Forms and Google Sheets fail,
 * and after a run that died between two pages. Cloud Scheduler is played by a loop that calls again after a 5xx.
 */
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { formSync } from '../../functions/form-sync.js';
import { FORM_SETTING } from '../../shared/store/codecs/settings.js';
import { Faults } from '../fakes/sheets-fake.js';
import { seededRandom } from '../fakes/sheets-fake-faults.js';
import { FakeForms } from '../fakes/forms-fake.js';
import { apiResponse } from '../forms/form-builders.js';
import { bearer, postJson, server, serveHttp, useMsw } from '../functions/harness.js';
import { FAULT_MIX, googleSetup, keyCounts, tally } from './google-harness.js';

useMsw();

const NOW = new Date('2024-08-20T03:00:00Z');
const at = (minute: number) => new Date(Date.parse('2024-08-12T00:00:00Z') + minute * 60_000).toISOString();

/** Faults in front of the Forms fake: a request the decider picks fails (or is slowed), any other goes on to the fake. */
function formsFaults(decide: (url: URL) => 'ok' | 'slow' | number | 'reset') {
  server.use(
    http.all('https://forms.googleapis.com/v1/*', async ({ request }) => {
      const fault = decide(new URL(request.url));
      if (fault === 'ok') return undefined;
      if (fault === 'slow') {
        await delay(3);
        return undefined;
      }
      if (fault === 'reset') return HttpResponse.error();
      return HttpResponse.json({ error: { code: fault, message: 'injected', status: fault === 429 ? 'RESOURCE_EXHAUSTED' : 'UNAVAILABLE' } }, { status: fault });
    }),
  );
}

async function setup(responses: number, pageSize: number) {
  const forms = new FakeForms({ now: () => NOW, maxPageSize: pageSize });
  server.use(...forms.handlers);
  const formId = forms.addForm({ title: 'Hồ sơ' });
  const google = await googleSetup({ seed: 77, formId });
  const ids = Array.from({ length: responses }, (_, i) => `ACYDB-${i}`);
  // listed in no particular order of time: Google does not promise one
  ids.forEach((id, i) => forms.addResponse(formId, apiResponse(google.questions, id, at((i * 7919) % responses), { name: `Người nộp ${i}` })));
  const url = await serveHttp(formSync(google.rt));
  /** Cloud Scheduler: calls, and calls again after a 5xx (bounded). */
  const schedule = async (max = 30) => {
    for (let run = 1; run <= max; run++) {
      const res = await postJson(url, {}, bearer());
      const body = (await res.json()) as Record<string, unknown>;
      if (res.status === 200) return { runs: run, body };
      expect(res.status).toBe(503);
    }
    throw new Error(`formSync did not succeed in ${max} runs`);
  };
  return { ...google, forms, formId, ids, schedule, url };
}

describe('form sync under faults', () => {
  test('200 responses in pages of 10, faults on ~20% of Forms and Sheets calls: each stored once', async () => {
    const { sheets, spreadsheetId, ids, schedule, store } = await setup(200, 10);
    const random = seededRandom(5);
    let formsFaultCount = 0;
    formsFaults(() => {
      if (random() >= 0.2) return 'ok';
      formsFaultCount += 1;
      return (['slow', 429, 500, 503, 'reset'] as const)[Math.floor(random() * 5)]!;
    });
    sheets.faults.setDecider((_call, r) => (r() < 0.2 ? FAULT_MIX(r) : undefined));

    const { runs, body } = await schedule();
    sheets.faults.setDecider(undefined);

    const result = tally(ids, keyCounts(sheets, spreadsheetId));
    console.log(
      `form sync under faults: 200 responses, ${runs} Scheduler run(s), ${formsFaultCount} Forms faults and ${sheets.faults.fired.length} Sheets faults injected` +
        ` → stored ${result.stored} / duplicated ${result.duplicated} / lost ${result.lost}`,
    );
    expect(result).toEqual({ stored: 200, duplicated: 0, lost: 0 });
    expect(body).toMatchObject({ watermark: expect.any(String) });
    expect((await store.settings()).get(FORM_SETTING.watermark)).toBe(body.watermark);
  });

  test.each([
    ['Google Forms fails for good on page 2', 'forms'],
    ['the sheet write of page 2 ends without an answer', 'sheets'],
  ] as const)('resumes from its watermark after a run that died between pages (%s): nothing skipped, nothing twice', async (_, where) => {
    // GIVEN 6 responses listed 2 a page, and a first run that dies on page 2
    const { sheets, spreadsheetId, ids, schedule, store, forms, formId, questions, url } = await setup(6, 2);
    let crash = true;
    if (where === 'forms') formsFaults((u) => (crash && u.searchParams.has('pageToken') ? 500 : 'ok'));
    // the write of page 2: under the lock a write is one batch with the lock's swap (the take, page 1, page 2)
    else sheets.faults.setDecider((call) => (crash && call.method === 'spreadsheets.batchUpdate' && sheets.counts['spreadsheets.batchUpdate'] >= 3 ? Faults.appliedThenDrop() : undefined));
    expect((await postJson(url, {}, bearer())).status).toBe(503);
    expect((await store.settings()).get(FORM_SETTING.watermark)).toBeUndefined();
    const stored = [...keyCounts(sheets, spreadsheetId).keys()];
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThan(6);

    // WHEN Scheduler runs the sync again (a response having arrived meanwhile)
    crash = false;
    forms.addResponse(formId, apiResponse(questions, 'ACYDB-late', at(3)));
    const again = await schedule();

    // THEN every response is stored once, and the watermark has moved
    const result = tally([...ids, 'ACYDB-late'], keyCounts(sheets, spreadsheetId));
    expect(result).toEqual({ stored: 7, duplicated: 0, lost: 0 });
    expect(again.body).toMatchObject({ listed: 7, watermark: expect.any(String) });
  });
});
