// The worksheet part of a new sheet: header row, data rows, column widths and styles, frozen header,
// list validations and the table part reference, in the element order CT_Worksheet requires
// (dimension, sheetViews, sheetFormatPr, cols, sheetData, dataValidations, pageMargins, tableParts).
import { ListSource, NewSheet } from '../types';
import { utf8 } from './bytes';
import { rowChunks, rowXml, SharedStrings } from './cells';
import { columnLetter, MAX_LIST_CHARS, MAX_ROWS, rangeRef } from '../a1';
import { escapeAttr, escapeText } from './xml';

/** Excel stores a width of N characters as N plus the cell padding of the default font (Calibri 11). */
const WIDTH_PADDING = 0.7109375;

/** formula1 of a list validation; throws for a list Excel cannot hold as typed values. */
export function listFormula(list: ListSource, column: string): string {
  if ('formula' in list) return list.formula.replace(/^=/, '');
  const bad = list.values.find((v) => v.includes(','));
  if (bad !== undefined) {
    throw new Error(`list of column "${column}": value "${bad}" contains a comma; put the values in cells and pass {formula}`);
  }
  const joined = list.values.join(',');
  if (joined.length > MAX_LIST_CHARS) {
    throw new Error(
      `list of column "${column}" is ${joined.length} characters; Excel allows ${MAX_LIST_CHARS} for typed values: put the values in cells and pass {formula}`,
    );
  }
  return `"${joined.replace(/"/g, '""')}"`;
}

export interface SheetPartInput {
  readonly sheet: NewSheet;
  /** cellXfs index per column (0 = General) */
  readonly columnStyles: ReadonlyArray<number>;
  /** shared-strings table, or null for inline strings */
  readonly strings: SharedStrings | null;
  /** relationship id of the table part, if the sheet has a table */
  readonly tableRelId: string | null;
}

/** Rows of the sheet padded to the column count; a row longer than the columns is a bug. */
function checkedRows(sheet: NewSheet) {
  const width = sheet.columns.length;
  return sheet.rows.map((row, i) => {
    if (row.length > width) throw new Error(`sheet "${sheet.name}" row ${i + 1} has ${row.length} cells for ${width} columns`);
    return row.length === width ? row : [...row, ...new Array<null>(width - row.length).fill(null)];
  });
}

export function sheetPartChunks(input: SheetPartInput): Uint8Array[] {
  const { sheet, columnStyles, strings, tableRelId } = input;
  const width = sheet.columns.length;
  const rows = checkedRows(sheet);
  const lastCol = Math.max(0, width - 1);
  const lastRow = width === 0 ? 0 : rows.length;
  const dimension = rangeRef({ start: { row: 0, col: 0 }, end: { row: lastRow, col: lastCol } });

  const view = sheet.freezeHeader
    ? '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
      '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>'
    : '<sheetView workbookViewId="0"/>';
  const cols = sheet.columns
    .map((c, i) => {
      const style = columnStyles[i] ?? 0;
      if (c.width === undefined && style === 0) return '';
      const w = c.width === undefined ? '' : ` width="${c.width + WIDTH_PADDING}" customWidth="1"`;
      return `<col min="${i + 1}" max="${i + 1}"${w}${style ? ` style="${style}"` : ''}/>`;
    })
    .join('');
  const head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<dimension ref="${dimension}"/>` +
    `<sheetViews>${view}</sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    '<sheetData>' +
    (width > 0 ? rowXml(0, 0, sheet.columns.map((c) => c.header), [], strings) : '');

  const validations = sheet.columns
    .map((c, i) => {
      if (!c.list) return '';
      const sqref = `${columnLetter(i)}2:${columnLetter(i)}${MAX_ROWS}`;
      return `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${sqref}"><formula1>${escapeText(listFormula(c.list, c.header))}</formula1></dataValidation>`;
    })
    .filter((v) => v !== '');
  const tail =
    '</sheetData>' +
    (validations.length ? `<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>` : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    (tableRelId ? `<tableParts count="1"><tablePart r:id="${escapeAttr(tableRelId)}"/></tableParts>` : '') +
    '</worksheet>';

  return [utf8(head), ...rowChunks(1, 0, rows, columnStyles, strings), utf8(tail)];
}
