import type { Campaign } from '../../shared/domain/campaign.js';
import { parseNomination, type Nomination } from '../../shared/domain/nomination.js';
import { campaigns } from './builders.js';

export const quiz = (): Campaign => campaigns.get('bac-son-quiz-2024')!;
export const tongTuyenCu = (): Campaign => campaigns.get('tt-bac-son-80-nam-tong-tuyen-cu')!;
export const tayNinh = (): Campaign => campaigns.get('tay-ninh-nam-dan-van-kheo-2020')!;

/** The award guidance TT Bắc Sơn's plan waits for, as a council records it (dated at the campaign's launch, for tests). */
export const TT_GUIDANCE = { reference: 'Hướng dẫn số 01/HD-UBND ngày 01/6/2024 của UBND huyện Bắc Sơn', date: '2024-06-01' } as const;
/** The same, as the settings row that records it. */
export const TT_GUIDANCE_SETTING: [string, string] = ['Hướng dẫn khen thưởng', TT_GUIDANCE.reference];

let counter = 0;

/** A nomination for any campaign: the fields every plan needs, overridable. */
export function nominationFor(campaign: Campaign, overrides: Record<string, unknown> = {}): Nomination {
  counter += 1;
  const parsed = parseNomination({
    responseId: `n-${counter}`,
    submittedAt: `${campaign.term.from}T09:00:00+07:00`,
    campaign: campaign.id,
    award: campaign.awards[0]!.id,
    kind: 'individual',
    name: `Người số ${counter}`,
    unit: `Đơn vị ${counter}`,
    selfScores: {},
    evidence: {},
    ...overrides,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.findings));
  return parsed.nomination;
}
