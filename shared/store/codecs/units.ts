import { toVietnamIso } from '../../domain/dates.js';
import { RosterUnit, type UnitDeadlineRow } from '../../domain/deadline-report.js';
import type { TabLayout } from '../layouts.js';
import type { Cell, Row } from '../table-store.js';

/** The units tab ("Đơn vị và hạn nộp"): the council's roster, and per deadline where each unit stands. */

/** A unit of the roster, with its name cell as the council typed it (the key the report's update lands on). */
export interface ListedUnit {
  unit: RosterUnit;
  cell: Cell;
}

/** The roster rows read back; a row without a usable name is reported. */
export function readUnits(rows: readonly Row[], tab: TabLayout): { units: ListedUnit[]; problems: string[] } {
  const problems: string[] = [];
  const units = rows.flatMap((row) => {
    const parsed = RosterUnit.safeParse({ unit: row.unit, block: row.block, email: row.email });
    if (!parsed.success) problems.push(`Trang tính "${tab.title}", hàng ${String(row.__row ?? '?')}: thiếu hoặc sai tên đơn vị`);
    return parsed.success ? [{ cell: row.unit ?? null, unit: parsed.data }] : [];
  });
  return { units, problems };
}

/** One unit's computed cells: the state of each deadline, when it was computed, and its status link if any. */
export function unitDeadlineRow(listed: ListedUnit, report: UnitDeadlineRow, at: Date, statusLink?: string): Row {
  return {
    unit: listed.cell ?? report.unit,
    reportedAt: toVietnamIso(at),
    ...(statusLink ? { statusLink } : {}),
    ...Object.fromEntries(Object.entries(report.deadlines).map(([id, s]) => [`deadline.${id}`, s.text])),
  };
}
