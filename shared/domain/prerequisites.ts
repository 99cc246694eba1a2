import type { Campaign, Prerequisite } from './campaign.js';
import { formatOfficialDate, isoDateStart, vietnamDate, vietnamDayStart } from './dates.js';
import { CLEARANCE_REASON_TEXT, nomineeRecordKey, type AwardHistoryRow, type Datasets, type QuizLogRow } from './datasets.js';
import { finding, type Finding } from './findings.js';
import type { Nomination } from './nomination.js';
import { canonicalKey } from './text.js';
import type { Level } from './vocabulary.js';

/**
 * Checks an award's typed prerequisites against the datasets. A rule whose dataset has not been loaded is reported
 * to the council (PREREQUISITE_NOT_CHECKED) and does not block. Pure.
 */
export function checkPrerequisites(rules: readonly Prerequisite[], nomination: Nomination, year: number, campaign: Campaign, datasets: Datasets): Finding[] {
  const minimumAge = rules.find((r) => r.type === 'minimum-age' && applies(r, nomination));
  return rules.filter((rule) => applies(rule, nomination)).flatMap((rule): Finding[] => {
    switch (rule.type) {
      case 'minimum-age':
        return checkAge(rule, nomination.birthDate ?? quizBirthDate(nomination, datasets));
      case 'registered-model':
        return datasets.registrations ? checkRegistration(rule, nomination, year, campaign, datasets.registrations) : [notChecked(rule)];
      case 'prior-recognition':
        return datasets.awardHistory ? checkRecognition(rule, nomination, year, campaign, datasets.awardHistory) : [notChecked(rule)];
      case 'quiz-participation':
        return datasets.quizLog ? checkQuiz(rule, nomination, datasets.quizLog, minimumAge?.type === 'minimum-age' ? minimumAge : undefined) : [notChecked(rule)];
    }
  });
}

const applies = (rule: Prerequisite, n: Nomination) => !rule.kinds || rule.kinds.includes(n.kind);
const notChecked = (rule: Prerequisite) => finding('PREREQUISITE_NOT_CHECKED', 'award', { description: rule.description });

/** Whole years from a birth date to a reference date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, referenceDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ry, rm, rd] = referenceDate.split('-').map(Number) as [number, number, number];
  return ry - by - (rm < bm || (rm === bm && rd < bd) ? 1 : 0);
}

function checkAge(rule: Extract<Prerequisite, { type: 'minimum-age' }>, birthDate: string | undefined): Finding[] {
  if (!birthDate) return [finding('BIRTH_DATE_NEEDED', 'birthDate', { description: rule.description })];
  const age = ageOn(birthDate, rule.referenceDate);
  return age >= rule.years ? [finding('AGE_CHECKED', 'birthDate', { age, years: rule.years, date: formatOfficialDate(rule.referenceDate) })] : [finding('UNDER_MINIMUM_AGE', 'birthDate', { age, years: rule.years, date: formatOfficialDate(rule.referenceDate) })];
}

function quizBirthDate(n: Nomination, datasets: Datasets): string | undefined {
  if (!n.quizAccount || !datasets.quizLog) return undefined;
  return datasets.quizLog.byAccount.get(canonicalKey(n.quizAccount))?.find((r) => r.birthDate)?.birthDate;
}

const STATUS_RANK = { registered: 0, checked: 1, recognised: 2 } as const;
const STATUS_WORD = { registered: 'đăng ký', checked: 'kiểm tra', recognised: 'công nhận' } as const;

function checkRegistration(rule: Extract<Prerequisite, { type: 'registered-model' }>, n: Nomination, year: number, campaign: Campaign, index: NonNullable<Datasets['registrations']>): Finding[] {
  const rows = (index.get(nomineeRecordKey(n.name, n.unit)) ?? []).filter((r) => r.year === year);
  if (rows.length === 0) return [finding('MODEL_NOT_REGISTERED', 'name', { year })];
  const deadline = rule.deadline ? campaign.deadlines.find((d) => d.id === rule.deadline) : undefined;
  let onTime = rows;
  if (deadline) {
    const due = 'before' in deadline.due ? isoDateStart(deadline.due.before) : monthDay(year, deadline.due.everyYearBefore);
    onTime = rows.filter((r) => isoDateStart(r.registeredAt) < due);
    if (onTime.length === 0) return [finding('MODEL_REGISTERED_LATE', 'name', { date: formatOfficialDate(rows[0]!.registeredAt), deadline: deadline.label })];
  }
  if (!onTime.some((r) => STATUS_RANK[r.status] >= STATUS_RANK[rule.status])) {
    return [finding('MODEL_NOT_RECOGNISED', 'name', { status: STATUS_WORD[rule.status] })];
  }
  return [];
}

const monthDay = (year: number, md: string) => {
  const [m, d] = md.split('-').map(Number) as [number, number];
  return vietnamDayStart(year, m, d);
};

/** Whether an earlier award counts at a level: its own, or another under the campaign's equivalences (e.g. after the 2025 reform). */
function countsAt(target: Level, level: Level, decisionDate: string, campaign: Campaign): boolean {
  return level === target || campaign.levelEquivalences.some((e) => e.level === level && e.countsAs === target && decisionDate >= e.from);
}

/**
 * "Recognised at <level> N consecutive years": the years with an award of a counting mode at that level (after
 * equivalences) must contain a run of N consecutive years ending in the evaluation year or the year before.
 */
function checkRecognition(rule: Extract<Prerequisite, { type: 'prior-recognition' }>, n: Nomination, year: number, campaign: Campaign, index: NonNullable<Datasets['awardHistory']>): Finding[] {
  const rows = (index.get(nomineeRecordKey(n.name, n.unit)) ?? []).filter((r) => rule.modes.includes(r.mode) && countsAt(rule.level, r.level, r.decisionDate, campaign) && r.year <= year);
  // A recognition counts only if it was decided before the proposal was submitted: chains look backwards.
  const submittedOn = vietnamDate(n.submittedAt);
  const decided = rows.filter((r) => r.decisionDate < submittedOn);
  const qualifies = (counted: readonly AwardHistoryRow[]) => {
    const years = new Set(counted.map((r) => r.year));
    const runEndingAt = (end: number) => Array.from({ length: rule.consecutiveYears }, (_, i) => end - i).every((y) => years.has(y));
    return runEndingAt(year) || runEndingAt(year - 1);
  };
  if (qualifies(decided)) return [finding('PRIOR_RECOGNITION_FOUND', 'name', { description: rule.description, years: [...new Set(decided.map((r) => r.year))].sort().join(', ') })];
  const found = [...new Set(decided.map((r) => r.year))].sort().join(', ') || 'không có';
  const late = rows.filter((r) => r.decisionDate >= submittedOn).sort((a, b) => (a.decisionDate < b.decisionDate ? -1 : 1))[0];
  if (late && qualifies(rows)) {
    return [finding('PRIOR_RECOGNITION_AFTER_SUBMISSION', 'name', { description: rule.description, number: late.decisionNumber, date: formatOfficialDate(late.decisionDate), submitted: formatOfficialDate(submittedOn) })];
  }
  return [finding('PRIOR_RECOGNITION_MISSING', 'name', { description: rule.description, years: found })];
}

function checkQuiz(rule: Extract<Prerequisite, { type: 'quiz-participation' }>, n: Nomination, index: NonNullable<Datasets['quizLog']>, minimumAge: Extract<Prerequisite, { type: 'minimum-age' }> | undefined): Finding[] {
  if (!n.quizAccount) return [finding('QUIZ_ACCOUNT_NEEDED', 'quizAccount', {})];
  const account = canonicalKey(n.quizAccount);
  const rows = index.byAccount.get(account);
  if (!rows) return [finding('QUIZ_ACCOUNT_UNKNOWN', 'quizAccount', { account: n.quizAccount })];
  const findings: Finding[] = [];
  if (!rows.some((r) => canonicalKey(r.district) === canonicalKey(rule.district))) {
    findings.push(finding('QUIZ_DISTRICT_MISMATCH', 'quizAccount', { district: rows[0]!.district, expected: rule.district }));
  }
  if (!rows.some((r) => r.result === 'Được công nhận')) {
    findings.push(finding('QUIZ_RESULT_NOT_RECOGNISED', 'quizAccount', { by: rule.recognisedBy }));
  }
  const qualifying = [...(index.recruitedBy.get(account) ?? [])].filter((recruit) => {
    const recruitRows = index.byAccount.get(recruit) ?? [];
    const birth = recruitRows.find((r) => r.birthDate)?.birthDate;
    const oldEnough = !minimumAge || !birth || ageOn(birth, minimumAge.referenceDate) >= minimumAge.years;
    // "of the eligible public": old enough and registered in the district, like the nominee
    const inDistrict = recruitRows.some((r) => canonicalKey(r.district) === canonicalKey(rule.district));
    return oldEnough && inDistrict && hasConsecutiveWeeks(recruitRows, rule.consecutiveWeeks);
  });
  if (qualifying.length < rule.minReferrals) {
    findings.push(finding('QUIZ_REFERRALS_INSUFFICIENT', 'quizAccount', { count: qualifying.length, needed: rule.minReferrals, weeks: rule.consecutiveWeeks }));
  } else if (findings.length === 0) {
    findings.push(finding('QUIZ_CHECKED', 'quizAccount', { account: n.quizAccount, count: qualifying.length, needed: rule.minReferrals, weeks: rule.consecutiveWeeks }));
  }
  return findings;
}

/**
 * NĐ 152/2025 Điều 4: an award is held while the nominee is under discipline, investigation or an open complaint. A
 * row of the council's clearance list without the day it was settled holds the nomination for the council.
 */
export function checkClearance(n: Nomination, datasets: Datasets): Finding[] {
  const open = (datasets.clearance?.get(nomineeRecordKey(n.name, n.unit)) ?? []).filter((r) => !r.until);
  return open.map((r) =>
    finding('CLEARANCE_HOLD', 'name', { reason: CLEARANCE_REASON_TEXT[r.reason], source: r.source ? ` (theo ${r.source})` : '', from: formatOfficialDate(r.from) }),
  );
}

/** True when the rows' week numbers contain a run of `run` consecutive weeks. */
export function hasConsecutiveWeeks(rows: readonly QuizLogRow[], run: number): boolean {
  const weeks = [...new Set(rows.map((r) => r.week))].sort((a, b) => a - b);
  let streak = 0;
  for (let i = 0; i < weeks.length; i++) {
    streak = i > 0 && weeks[i] === weeks[i - 1]! + 1 ? streak + 1 : 1;
    if (streak >= run) return true;
  }
  return false;
}
