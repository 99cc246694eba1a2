import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import ExcelJS from 'exceljs';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { tempDir } from '../support/builders.js';
import { describeTableStoreContract } from './table-store.contract.js';

/** A council member editing the .xlsx view by hand (then saving it). */
async function edit(path: string, change: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  change(wb);
  await wb.xlsx.writeFile(path);
}

/** Someone changing the database itself (the SQLite store alone has no sheet: its stored layout is its header row). */
function alterLayout(path: string, title: string, change: (layout: { title: string; columns: Array<{ header: string }> } | undefined, db: DatabaseSync) => void): void {
  const db = new DatabaseSync(path);
  try {
    const rows = db.prepare('SELECT id, layout FROM tabs').all() as Array<{ id: string; layout: string }>;
    const row = rows.find((r) => (JSON.parse(r.layout) as { title: string }).title === title);
    const layout = row ? (JSON.parse(row.layout) as { title: string; columns: Array<{ header: string }> }) : undefined;
    change(layout, db);
    if (row && layout) db.prepare('UPDATE tabs SET layout = ? WHERE id = ?').run(JSON.stringify(layout), row.id);
  } finally {
    db.close();
  }
}

describeTableStoreContract('embedded database (SQLite, no view)', async () => {
  const path = join(tempDir(), 'contract.thidua.sqlite');
  return {
    store: new SqliteStore(path),
    setHeader: async (title, column, text) =>
      alterLayout(path, title, (layout) => {
        layout!.columns[column - 1]!.header = text;
      }),
    deleteTab: async (title) =>
      alterLayout(path, title, (layout, db) => {
        db.prepare("DELETE FROM tabs WHERE json_extract(layout, '$.title') = ?").run(layout!.title);
      }),
  };
});

describeTableStoreContract('embedded database with the council\'s workbook view (.xlsx)', async () => {
  const workbook = join(tempDir(), 'contract.xlsx');
  return {
    store: SqliteStore.forWorkbook(workbook),
    setHeader: (title, column, text) =>
      edit(workbook, (wb) => {
        wb.getWorksheet(title)!.getRow(1).getCell(column).value = text;
      }),
    deleteTab: (title) =>
      edit(workbook, (wb) => {
        wb.removeWorksheet(wb.getWorksheet(title)!.id);
      }),
  };
});
