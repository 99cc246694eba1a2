/**
 * Validation and ranking at scale: N nominations of the Bắc Sơn quiz campaign against a quiz participation log of
 * 25·N rows (at N = 10,000: 50,000 accounts × 5 weeks = 250,000 rows). Prints one JSON line: time and peak RSS.
 * Usage: node dist-bench/bench/validation.js <N>
 */
import { CouncilScoreEntry } from '../shared/domain/council.js';
import { indexDatasets, type QuizLogRow } from '../shared/domain/datasets.js';
import { decide } from '../shared/domain/decide.js';
import { parseNomination, type Nomination } from '../shared/domain/nomination.js';
import { loadCampaigns } from '../shared/templates/campaign-registry.js';
import { person, prng } from './names.js';

const n = Number(process.argv[2] ?? 10_000);
const campaign = loadCampaigns().get('bac-son-quiz-2024')!;
const random = prng(42);

// 5 accounts per nominee: the nominee's own and 4 recruits, each taking part 5 weeks (some miss one).
const log: QuizLogRow[] = [];
const nominations: Nomination[] = [];
const council: CouncilScoreEntry[] = [];
for (let i = 0; i < n; i++) {
  const { name, gender, unit } = person(random, i);
  const account = `BS-${i}`;
  for (let k = 0; k < 5; k++) {
    const id = k === 0 ? account : `${account}-r${k}`;
    const missed = random() < 0.2 ? 3 : -1;
    for (let week = 1; week <= 5; week++) {
      log.push({ account: id, ownerName: k === 0 ? name : `${name} (người thân ${k})`, birthDate: `19${60 + (i % 40)}-0${1 + (k % 9)}-1${k}`, district: random() < 0.97 ? 'Bắc Sơn' : 'Bình Gia', referredBy: k === 0 ? undefined : account, week: week === missed ? 6 + week : week, result: random() < 0.8 ? 'Được công nhận' : 'Chưa công nhận' });
    }
  }
  const parsed = parseNomination({ responseId: `R-${i}`, submittedAt: '2024-05-06T09:00:00+07:00', campaign: campaign.id, award: 'giay-khen-chu-tich-huyen', kind: 'individual', name, unit, gender, birthDate: `19${60 + (i % 40)}-01-10`, quizAccount: account, selfScores: {}, evidence: {} });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.findings));
  nominations.push(parsed.nomination);
  council.push(CouncilScoreEntry.parse({ responseId: `R-${i}`, member: 'Chu Văn Đạt', memberUnit: 'Ban Dân vận Huyện ủy', scores: { '1': random() < 0.5 ? 'Tốt' : 'Xuất sắc', '2': 'Tốt' } }));
}

const start = performance.now();
const datasets = indexDatasets({ quizLog: log });
const decisions = decide(campaign, nominations, { datasets, councilScores: council });
const ms = performance.now() - start;
const proposed = decisions.filter((d) => d.status === 'proposed').length;
console.log(JSON.stringify({ bench: 'validation', n, logRows: log.length, ms: Math.round(ms), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), proposed }));
