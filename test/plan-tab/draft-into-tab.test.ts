import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { templateFromDraft } from '../../shared/domain/plan-tab/draft-template.js';
import { planTabRows } from '../../shared/domain/plan-tab/plan-tab-rows.js';
import { readPlanTab } from '../../shared/domain/plan-tab/read-plan-tab.js';
import { draftCampaign } from '../../shared/plan-draft/extract.js';
import { vanNinh } from '../support/builders.js';

describe('a draft read from the Vạn Ninh plan, put in the Kế hoạch tab', () => {
  const draft = draftCampaign(readFileSync(join(import.meta.dirname, '../fixtures/plans', vanNinh().plan.seed!), 'utf8'));
  const { template, sources } = templateFromDraft(draft);
  const rows = planTabRows(template, sources);

  test('every value found is in the tab beside the sentence it came from', () => {
    expect(draft.fields.length).toBeGreaterThan(10);
    const withSource = rows.filter((r) => r.source !== null);
    expect(withSource.length).toBeGreaterThan(10);
    expect(rows.find((r) => r.field === 'Tên phong trào')?.source).toBeTruthy();
    for (const r of withSource) expect(r.value !== null || r.choice !== null || r.item !== '', JSON.stringify(r)).toBe(true);
  });

  test('reading it back lists what the secretary still has to fill in, naming rows and columns, and never throws', () => {
    const read = readPlanTab(rows);
    expect(read.ok).toBe(false);
    const findings = read.ok ? [] : read.findings;
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.message).toMatch(/^Trang "Kế hoạch"(, hàng \d+, cột "[^"]+")?: /);
    // items found without an id (a deadline, an award) get a key to rename, not a finding on every row
    expect(findings.filter((f) => f.code === 'ITEM_MISSING')).toEqual([]);
    // and what is missing is named by its field, never as a bare "required"
    expect(findings.filter((f) => f.code === 'SCHEMA').map((f) => f.message)).toEqual([]);
    expect(findings.map((f) => f.message)).toEqual(expect.arrayContaining([expect.stringMatching(/thiếu mục "Tên hạn" ở phần "Thời hạn" \(mã "han-1"\)/)]));
  });
});
