/**
 * A province-scale quiz log for the Bắc Sơn quiz campaign, written straight as the Cloud Storage object the dataset
 * store keeps (JSON lines in the quiz tab's codec): each of `nominees` accounts with 4 recruits, 5 weeks each (25 rows
 * a nominee), and further participants up to `rows`. Deterministic.
 */
import { layoutsFor } from '../shared/store/layouts.js';
import type { Campaign } from '../shared/domain/campaign.js';
import { prng } from './names.js';

export function quizLogObject(campaign: Campaign, nominees: number, rows: number): { data: Buffer; rows: number } {
  const tab = layoutsFor(campaign).get('quizLog')!;
  const keys = tab.columns.map((c) => c.key);
  const random = prng(17);
  const chunks: string[] = [`${JSON.stringify({ thidua: 'dataset', tab: tab.id, columns: keys })}\n`];
  let count = 0;
  let batch = '';
  const push = (row: Record<string, string | number | null>) => {
    batch += `${JSON.stringify(keys.map((k) => row[k] ?? null))}\n`;
    count += 1;
    if (batch.length > 1_000_000) {
      chunks.push(batch);
      batch = '';
    }
  };
  for (let i = 0; i < nominees && count < rows; i++) {
    for (let k = 0; k < 5; k++) {
      const account = k === 0 ? `BS-${i}` : `BS-${i}-r${k}`;
      for (let week = 1; week <= 5; week++) {
        push({ account, ownerName: `Người dự thi ${i}.${k}`, birthDate: `1${1 + (k % 9)}/0${1 + (k % 9)}/19${60 + (i % 40)}`, district: random() < 0.97 ? 'Bắc Sơn' : 'Bình Gia', referredBy: k > 0 && week === 1 ? `BS-${i}` : null, week, result: random() < 0.8 ? 'Được công nhận' : 'Chưa công nhận' });
      }
    }
  }
  for (let j = 0; count < rows; j++) {
    push({ account: `P-${j >> 2}`, ownerName: `Người tham gia ${j >> 2}`, birthDate: null, district: j % 11 === 0 ? 'Bình Gia' : 'Bắc Sơn', referredBy: j % 7 === 0 ? `P-${(j >> 2) + 1}` : null, week: 1 + (j % 4), result: j % 3 === 0 ? 'Chưa công nhận' : 'Được công nhận' });
  }
  chunks.push(batch);
  return { data: Buffer.from(chunks.join('')), rows: count };
}
