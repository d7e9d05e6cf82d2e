/**
 * Tables as files an analyst opens: CSV (the main table) and an Excel workbook (every table of the
 * export as a sheet, then an About sheet with the parameters it was computed with).
 */
import ExcelJS from 'exceljs';
import type { Export, Table } from '../landscape/tables';
import { csvRows } from './index';

export function tableCsv(table: Table): string {
  return csvRows(
    table.columns.map((c) => c.header),
    table.rows,
  );
}

const NUMBER_FORMATS = { text: '@', integer: '0', gwh: '#,##0.0##' } as const;

function addTable(workbook: ExcelJS.Workbook, table: Table): void {
  const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c, i) => ({
    header: c.header,
    // Wide enough for the header and the longest value, within reason.
    width: Math.min(60, Math.max(c.header.length, ...table.rows.map((r) => String(r[i] ?? '').length)) + 2),
    style: { numFmt: NUMBER_FORMATS[c.format] },
  }));
  sheet.addRows(table.rows);
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
}

export async function workbook(data: Export, exportedAt: Date, address: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'battery-partnership-kg';
  book.created = exportedAt;
  for (const table of data.tables) addTable(book, table);
  const about = book.addWorksheet('About');
  about.columns = [{ width: 16 }, { width: 80 }];
  about.addRows([
    ['Export', data.fileName],
    ...Object.entries(data.parameters),
    ['Exported at', exportedAt.toISOString()],
    ['Address', address],
    ['Rules', 'The same figures, by the same rules, as the GraphQL API fields capacity and dashboard.'],
  ]);
  about.getColumn(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
