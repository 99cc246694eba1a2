import { type ModelRegistrationRow } from '../../shared/domain/datasets.js';
import { toVietnamIso } from '../../shared/domain/dates.js';
import { deadlineReport, RosterUnit, unitDeadlines } from '../../shared/domain/deadline-report.js';
import { readDatasetRows } from '../../shared/store/dataset-rows.js';
import { readNominationRow } from '../../shared/store/nomination-rows.js';
import type { Row } from '../../shared/store/table-store.js';
import type { Workbook } from './runtime.js';

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
export async function reportDeadlines({ tables, store }: Workbook, now: Date, unitLink?: (unit: string) => string): Promise<DeadlineJobReport> {
  const units = store.tab('units');
  await tables.ensureTabs([units]);
  return tables.exclusive(async () => {
    const data = await tables.readTabs([units, store.tab('nominations'), store.tab('registrations')]);
    const problems: string[] = [];
    // The key written back is the cell as the council typed it, so the update lands on that very row.
    const listed = (data.get('units') ?? []).flatMap((row) => {
      const parsed = RosterUnit.safeParse({ unit: row.unit, block: row.block, email: row.email });
      if (!parsed.success) problems.push(`Trang tính "${units.title}", hàng ${String(row.__row ?? '?')}: thiếu hoặc sai tên đơn vị`);
      return parsed.success ? [{ cell: row.unit, unit: parsed.data }] : [];
    });
    const roster = listed.map((l) => l.unit);
    const nominations = (data.get('nominations') ?? []).flatMap((row) => {
      const read = readNominationRow(row, store.tab('nominations'), store.campaign);
      return read.ok ? [read.nomination] : [];
    });
    const registrations = readDatasetRows('model-registrations', data.get('registrations') ?? [], store.tab('registrations'));
    problems.push(...registrations.problems);
    const report = deadlineReport(store.campaign, roster, { nominations, registrations: registrations.rows as ModelRegistrationRow[] }, now);
    const reportedAt = toVietnamIso(now);
    const rows = report.rows.map((r, i): Row => ({ unit: listed[i]!.cell ?? r.unit, reportedAt, ...(unitLink ? { statusLink: unitLink(r.unit) } : {}), ...Object.fromEntries(Object.entries(r.deadlines).map(([id, s]) => [`deadline.${id}`, s.text])) }));
    if (rows.length) await tables.write([{ tab: units, updateByKey: rows }]);
    const deadlines = Object.fromEntries(
      unitDeadlines(store.campaign).map((d) => {
        const states = report.rows.map((r) => r.deadlines[d.id]!.state);
        return [d.id, { label: d.label, submitted: states.filter((s) => s === 'submitted').length, open: states.filter((s) => s === 'open').length, overdue: states.filter((s) => s === 'overdue').length }];
      }),
    );
    return { campaign: store.campaign.id, units: roster.length, deadlines, unlisted: report.unlisted, problems };
  });
}
