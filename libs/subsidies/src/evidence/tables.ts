import { CellValue, Workbook } from 'exceljs';
import { inspectWorkbookArchive } from '@app/employer-demand';
import { normalizeCell } from './cells';

/** A data row as read: its 1-based row number in the file and its cells by (normalised) header. */
export interface TableRow {
  row: number;
  cells: Record<string, string>;
}

/** A header as matched: NFKC (full-width brackets become ASCII), without spaces and required-marks. */
export const headerKey = (text: string) => normalizeCell(text).replace(/[\s*＊]/g, '');

function toRows(table: string[][]): TableRow[] {
  const [head, ...body] = table;
  if (!head) return [];
  const names = head.map(headerKey);
  const rows: TableRow[] = [];
  body.forEach((cells, k) => {
    const row: Record<string, string> = {};
    let any = false;
    cells.forEach((cell, col) => {
      const value = normalizeCell(cell ?? '');
      if (names[col] && value) {
        row[names[col]] = value;
        any = true;
      }
    });
    if (any) rows.push({ row: k + 2, cells: row });
  });
  return rows;
}

/** Reads CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF; a UTF-8 BOM is dropped). */
export function readCsv(text: string): TableRow[] {
  const table: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      table.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    table.push(row);
  }
  return toRows(table);
}

const cellText = (value: CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText((value as { result?: CellValue }).result ?? null);
    if ('text' in value) return cellText((value as { text: CellValue }).text);
    return '';
  }
  return String(value);
};

/**
 * Reads the first sheet of an .xlsx file. A merged cell gives its value to every row it spans (offices merge an
 * employer's name down over its people); dates become YYYY-MM-DD. The archive is checked first (a zip bomb is refused
 * before it is unpacked).
 */
export async function readWorkbook(file: Buffer): Promise<TableRow[]> {
  await inspectWorkbookArchive(file);
  const workbook = new Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    for (let col = 1; col <= sheet.columnCount; col++) {
      const cell = row.getCell(col);
      cells.push(cellText(cell.isMerged ? cell.master.value : cell.value));
    }
    table[number - 1] = cells;
  });
  return toRows(Array.from(table, (cells) => cells ?? []));
}
