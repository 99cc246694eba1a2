import { describe, expect, test } from 'vitest';
import type { Campaign } from '../../shared/domain/campaign.js';
import { datedHeader } from '../../shared/exports/dated-header.js';
import { DISTRICT, vanNinh } from '../support/builders.js';

/** A campaign whose list header leaves the issuing body blank, as a Kế hoạch tab may (the row is left to fill). */
function withBlankIssuer(): Campaign {
  const campaign = vanNinh();
  return { ...campaign, awards: campaign.awards.map((a) => (a.id === DISTRICT ? { ...a, list: { ...a.list, header: { ...a.list.header, issuingBody: '' } } } : a)) };
}

describe('a list whose issuing body the plan leaves blank', () => {
  const campaign = withBlankIssuer();
  const award = campaign.awards.find((a) => a.id === DISTRICT)!;

  test('is refused, naming the Kế hoạch row to fill, never a body that ceased or a successor', () => {
    const result = datedHeader(campaign, award, {}, '2024-09-25');
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    expect(message).toContain('chưa biết cơ quan ban hành danh sách');
    expect(message).toContain(`dòng "Cơ quan ban hành" của hình thức "${DISTRICT}" trong trang tính "Kế hoạch"`);
    expect(message).not.toMatch(/không còn|kế nhiệm/);
  });

  test('prints once the row is filled', () => {
    const filled = vanNinh();
    const result = datedHeader(filled, filled.awards.find((a) => a.id === DISTRICT)!, {}, '2024-09-25');
    expect(result.ok && result.header.issuingBody.join(' ')).toMatch(/VẠN NINH/);
  });
});
