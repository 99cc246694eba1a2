import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { intake } from '../../functions/intake.js';
import { createRuntime } from '../../functions/runtime/runtime.js';
import { newCampaign } from '../../shared/jobs/new-campaign.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { WorkbookStore } from '../../shared/store/workbook-store.js';
import { bearer, captureLog, certsHandler, CERTS_URL, env, json, postJson, server, serveHttp, tokenAuth, useMsw } from '../functions/harness.js';
import { rawIndividual, tempDir, vanNinh } from '../support/builders.js';

useMsw();

describe('a deployed function on a campaign defined by its Kế hoạch tab', () => {
  test('takes in a nomination with no campaign template deployed at all: the campaign comes from the workbook', async () => {
    // GIVEN a workbook whose campaign is in its Kế hoạch tab, and functions deployed with an empty template registry
    server.use(certsHandler());
    const workbook = join(tempDir('thidua-fn-'), 'van-ninh.xlsx');
    const made = await newCampaign(new WorkbookStore(workbook), vanNinh().id, { ...vanNinh() });
    expect(made.ok && made.value.campaign?.id).toBe(vanNinh().id);
    const { log, lines } = captureLog();
    const rt = createRuntime({ env: env(workbook), now: () => new Date('2024-08-20T03:00:00Z'), log, certsUrl: CERTS_URL, googleAuth: tokenAuth(), campaigns: () => new Map() });
    const url = `${await serveHttp(intake(rt))}/`;
    // WHEN a nomination is posted
    const res = await postJson(url, rawIndividual({ responseId: 'tab-001' }), bearer());
    // THEN it is appraised against the tab's campaign and stored
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({ outcome: 'accepted', responseId: 'tab-001', status: 'eligible' });
    expect(lines.at(-1)).toMatchObject({ campaign: 'van-ninh-dan-van-kheo', outcome: 'accepted' });
    const repo = await CampaignRepository.open(new WorkbookStore(workbook), new Map());
    expect(repo.campaign).toEqual(vanNinh());
  });
});
