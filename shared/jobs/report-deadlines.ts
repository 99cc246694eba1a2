import { deadlineReport, unitDeadlines } from '../domain/deadline-report.js';
import type { CampaignRepository } from '../store/campaign-repository.js';

export interface DeadlineJobReport {
  campaign: string;
  units: number;
  /** Per deadline id: how many units of the roster stand in each state. */
  deadlines: Record<string, { label: string; submitted: number; open: number; overdue: number }>;
  unlisted: string[];
  problems: string[];
}

/**
 * Fills the computed columns of the units tab ("Đơn vị và hạn nộp"): per unit of the council's roster and per deadline
 * a unit must meet, "đã nộp" / "chưa nộp – còn N ngày" / "quá hạn N ngày", and when it was computed. Creates the tab
 * (empty, for the council to list its units) if the workbook predates it. One read, one write.
 *
 * With `unitLink`, also fills "Đường dẫn trạng thái": each unit's signed link to the page listing its nominations.
 */
export async function reportDeadlines(repo: CampaignRepository, now: Date, unitLink?: (unit: string) => string): Promise<DeadlineJobReport> {
  await repo.provision(['units']);
  return repo.transact(['units', 'nominations', 'registrations'], ({ units: listed, nominations, registrations, problemsOf }) => {
    // rows of the nominations tab that cannot be read are the recompute's to report
    const problems = [...(problemsOf.units ?? []), ...(problemsOf.registrations ?? [])];
    const roster = listed.map((l) => l.unit);
    const report = deadlineReport(repo.campaign, roster, { nominations: nominations.map((s) => s.nomination), registrations }, now);
    const rows = report.rows.map((r, i) => ({ listed: listed[i]!, report: r, ...(unitLink ? { statusLink: unitLink(r.unit) } : {}) }));
    const deadlines = Object.fromEntries(
      unitDeadlines(repo.campaign).map((d) => {
        const states = report.rows.map((r) => r.deadlines[d.id]!.state);
        return [d.id, { label: d.label, submitted: states.filter((s) => s === 'submitted').length, open: states.filter((s) => s === 'open').length, overdue: states.filter((s) => s === 'overdue').length }];
      }),
    );
    return {
      value: { campaign: repo.campaign.id, units: roster.length, deadlines, unlisted: report.unlisted, problems },
      changes: [{ kind: 'unit-deadlines', rows, at: now }],
    };
  });
}
