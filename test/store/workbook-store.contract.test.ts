import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { WorkbookStore } from '../../shared/store/workbook-store.js';
import { tempDir } from '../support/builders.js';
import { describeTableStoreContract } from './table-store.contract.js';

/** A council member editing the .xlsx file by hand (then saving it). */
async function edit(path: string, change: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  change(wb);
  await wb.xlsx.writeFile(path);
}

describeTableStoreContract(
  'local workbook (.xlsx)',
  async () => {
    const path = join(tempDir(), 'contract.xlsx');
    return {
      store: new WorkbookStore(path),
      setHeader: (title, column, text) =>
        edit(path, (wb) => {
          wb.getWorksheet(title)!.getRow(1).getCell(column).value = text;
        }),
      deleteTab: (title) =>
        edit(path, (wb) => {
          wb.removeWorksheet(wb.getWorksheet(title)!.id);
        }),
    };
  },
);
