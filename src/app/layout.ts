// How a structured sheet is laid out when the add-in creates it: headers in the workbook's language,
// number formats, widths, dropdowns, a table, a frozen header. One description for both back ends.
import { ENUMS, Lang, ListName, label } from '../domain/enums';
import { ColumnDef, ColumnKind, header, SheetDef, sheetName } from '../domain/schema';
import { listValues, Settings, SETTINGS_LISTS } from '../domain/settings';
import { columnLetter, MAX_LIST_CHARS } from '../workbook/a1';
import { Cell, ColumnSpec, ListSource, NewSheet } from '../workbook/types';

// Text columns are formatted as text so that Excel keeps what a clerk types: a unit "3-15" would
// otherwise become 15 March, a period "2026-11" a date, a landline lose its leading zero.
export const NUMBER_FORMATS: Readonly<Record<ColumnKind['type'], string | undefined>> = {
  text: '@',
  phone: '@',
  list: '@',
  enum: '@',
  period: '@',
  datetime: 'yyyy-mm-dd hh:mm',
  date: 'yyyy-mm-dd',
  money: '#,##0.00',
  number: '0.00',
};

const LIST_ROWS = 500;

export { columnLetter };

/** A name's formula: the filled part of a Settings column, so a list grows as the center types. */
export function listNameFormula(settingsSheet: string, columnIndex: number): string {
  const col = columnLetter(columnIndex);
  const sheet = `'${settingsSheet.replace(/'/g, "''")}'`;
  return `=OFFSET(${sheet}!$${col}$2,0,0,MAX(1,COUNTA(${sheet}!$${col}$2:$${col}$${LIST_ROWS + 1})),1)`;
}

function listOf(kind: ColumnKind, lang: Lang, settings: Settings, namedLists: ReadonlySet<ListName>): ListSource | undefined {
  if (kind.type === 'enum') return { values: ENUMS[kind.enum].map((v) => label(v, lang)) };
  if (kind.type !== 'list') return undefined;
  if (namedLists.has(kind.list)) return { formula: `=${SETTINGS_LISTS[kind.list].name}` };
  const values = listValues(settings, kind.list);
  // Excel's typed lists hold at most MAX_LIST_CHARS (255) characters and no commas; past that, no dropdown rather
  // than a wrong one (the Settings sheet normally supplies the list through a name instead).
  const fits = values.length > 0 && values.join(',').length <= MAX_LIST_CHARS && values.every((v) => !v.includes(','));
  return fits ? { values } : undefined;
}

/** How wide a text shows, in Excel's width units (about one digit): a CJK character takes two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) as number) >= 0x2e80 ? 2 : 1;
  return w;
}

/** A column grows past its schema width to fit its header and the text it is created with (an
 *  English name, "Michael Nelson", is longer than a Chinese one), up to this; long text wraps. */
const MAX_FITTED_WIDTH = 30;

function fittedWidth(col: ColumnDef, title: string, values: ReadonlyArray<Cell>): number {
  let widest = displayWidth(title);
  for (const v of values) if (typeof v === 'string') widest = Math.max(widest, displayWidth(v));
  return Math.max(col.width, Math.min(widest + 1, MAX_FITTED_WIDTH));
}

function columnSpec(col: ColumnDef, lang: Lang, settings: Settings, namedLists: ReadonlySet<ListName>, values: ReadonlyArray<Cell>): ColumnSpec {
  const list = listOf(col.kind, lang, settings, namedLists);
  const numberFormat = NUMBER_FORMATS[col.kind.type];
  const title = header(col, lang);
  return {
    header: title,
    width: fittedWidth(col, title, values),
    ...(numberFormat ? { numberFormat } : {}),
    ...(list ? { list } : {}),
  };
}

export function sheetSpec(
  def: SheetDef,
  lang: Lang,
  settings: Settings,
  namedLists: ReadonlySet<ListName>,
  rows: ReadonlyArray<ReadonlyArray<Cell>>,
  tableName: string,
  extraHeaders: ReadonlyArray<string> = [],
): NewSheet {
  const own = def.columns.map((c, i) => columnSpec(c, lang, settings, namedLists, rows.map((r) => r[i] ?? null)));
  // columns after the sheet's own (an adopted register's): General, as wide as their text
  const extra = extraHeaders.map((h, j): ColumnSpec => {
    let widest = displayWidth(h);
    for (const r of rows) {
      const v = r[def.columns.length + j];
      if (typeof v === 'string') widest = Math.max(widest, displayWidth(v));
    }
    return { header: h, width: Math.min(Math.max(widest + 1, 8), MAX_FITTED_WIDTH) };
  });
  return {
    name: sheetName(def, lang),
    tableName,
    freezeHeader: true,
    columns: [...own, ...extra],
    rows,
  };
}
