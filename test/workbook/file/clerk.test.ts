// The promise that matters most: the add-in edits a clerk's own workbook and everything the clerk
// made (styles, merged title, chart, comment, defined name, table, shared strings) survives.
import { existsSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';
import { ENUMS } from '../../../src/domain/enums';
import { ALL_SHEETS, ColumnDef, SETTINGS, SheetDef, TICKETS } from '../../../src/domain/schema';
import { FileWorkbook } from '../../../src/workbook/file';
import { columnLetter } from '../../../src/workbook/a1';
import { rawData, readZip } from '../../../src/workbook/file/zip';
import { Cell, ColumnSpec, NewSheet } from '../../../src/workbook/types';
import { fixture, hasOpenpyxl, hasSoffice, parts, python, sofficeConvert, tempDir } from '../../support/files';

const FORMATS: Partial<Record<ColumnDef['kind']['type'], string>> = {
  datetime: 'yyyy-mm-dd hh:mm',
  date: 'yyyy-mm-dd',
  money: '#,##0.00',
  number: '0.00',
  text: '@',
  phone: '@',
  period: '@',
};

const LIST_NAMES: Record<string, string> = { category: 'DeskbookCategory', department: 'DeskbookDepartment', feeItem: 'DeskbookFeeItem', clerk: 'DeskbookClerk' };

function column(def: ColumnDef): ColumnSpec {
  const kind = def.kind;
  const list =
    kind.type === 'enum'
      ? { values: ENUMS[kind.enum].map((v) => v.zh) }
      : kind.type === 'list'
        ? { formula: `=${LIST_NAMES[kind.list]}` }
        : undefined;
  const numberFormat = FORMATS[kind.type];
  return { header: def.zh, width: def.width, ...(numberFormat ? { numberFormat } : {}), ...(list ? { list } : {}) };
}

function newSheet(def: SheetDef, rows: Cell[][] = []): NewSheet {
  return { name: def.zh, tableName: def.table, freezeHeader: true, columns: def.columns.map(column), rows };
}

const TICKET_START: Cell[] = ['GD-20261125-001', 46351.375, '来电', '投诉', '噪音', '2-302', '李女士', '13800000000', '=楼上装修（夜间）'];
const TICKET_ROW: Cell[] = [...TICKET_START, ...new Array<Cell>(TICKETS.columns.length - TICKET_START.length).fill(null)];

/** A table over the header and `rows` rows of a sheet definition's columns. */
function tableRef(def: SheetDef, rows: number): string {
  return `A1:${columnLetter(def.columns.length - 1)}${rows + 1}`;
}

/** The list entries of a styles.xml section, as raw markup. */
function styleEntries(xml: string, list: string, item: string): string[] {
  const m = new RegExp(`<${list}\\b[^>]*>([\\s\\S]*?)</${list}>`).exec(xml);
  if (!m) return [];
  return m[1].match(new RegExp(`<${item}\\b[^>]*/>|<${item}\\b[^>]*>[\\s\\S]*?</${item}>`, 'g')) ?? [];
}

describe("a clerk's own workbook", () => {
  const original = fixture('clerk-workbook.xlsx');
  let saved: Uint8Array;

  beforeAll(async () => {
    const wb = FileWorkbook.open(original);
    await wb.addSheets(ALL_SHEETS.map((def) => newSheet(def, def.key === 'tickets' ? [TICKET_ROW] : [])));
    await wb.addNames([
      { name: 'DeskbookCategory', formula: "='设置'!$E$2:$E$20" },
      { name: 'DeskbookDepartment', formula: '=设置!$F$2:$F$20' },
      { name: 'DeskbookFeeItem', formula: '=设置!$G$2:$G$20' },
      { name: 'DeskbookClerk', formula: '=设置!$H$2:$H$20' },
    ]);
    await wb.appendRows('投诉登记', [[46352, '5-501', '钱先生', '电梯异响', '维修', 66.6]]);
    await wb.appendRows('工单', [['GD-20261125-002', 46352.5, '来访', '报修', '维修', '1-101', null, null, '@admin 门禁卡失灵']]);
    saved = wb.toBytes();
  });

  it('lists its sheets and tables before and after', async () => {
    expect(await FileWorkbook.open(original).listSheets()).toEqual([
      { name: '投诉登记', tables: ['tblComplaints'], generated: false },
      { name: '备注', tables: [], generated: false },
    ]);
    const after = await FileWorkbook.open(saved).listSheets();
    expect(after.map((s) => s.name)).toEqual(['投诉登记', '备注', ...ALL_SHEETS.map((d) => d.zh)]);
    expect(after.slice(2).map((s) => s.tables)).toEqual(ALL_SHEETS.map((d) => [d.table]));
  });

  it('copies every part it does not own byte for byte, without recompressing it', () => {
    const owned = new Set([
      '[Content_Types].xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml', // the clerk's sheet, rows appended
      'xl/tables/table1.xml', // its table, extended over the new row
    ]);
    const before = readZip(original);
    const after = readZip(saved);
    const afterByName = new Map(after.entries.map((e) => [e.name, e]));
    const beforeParts = parts(original);
    const afterParts = parts(saved);
    for (const entry of before.entries) {
      expect(afterParts[entry.name]).toBeDefined();
      if (owned.has(entry.name)) continue;
      expect([entry.name, Buffer.from(afterParts[entry.name]).equals(Buffer.from(beforeParts[entry.name]))]).toEqual([entry.name, true]);
      const copied = afterByName.get(entry.name)!;
      expect(Buffer.from(rawData(after, copied)).equals(Buffer.from(rawData(before, entry)))).toBe(true);
    }
    for (const kept of ['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/comments/comment1.xml', 'xl/drawings/commentsDrawing1.vml', 'xl/sharedStrings.xml', 'xl/theme/theme1.xml']) {
      expect(afterParts[kept]).toBeDefined();
    }
  });

  it("changes the clerk's sheet only by the appended row and the dimension", () => {
    const before = new TextDecoder().decode(parts(original)['xl/worksheets/sheet1.xml']);
    const after = new TextDecoder().decode(parts(saved)['xl/worksheets/sheet1.xml']);
    const row9 = /<row r="9">.*?<\/row>/.exec(after)![0];
    expect(row9).toContain('t="inlineStr"'); // shared strings stay untouched
    expect(row9).toContain('<c r="A9" s="3"><v>46352</v></c>'); // the date style of the row above
    expect(after.replace(row9, '').replace('<dimension ref="A1:F9"/>', '<dimension ref="A1:F8"/>')).toBe(before);
    const table = new TextDecoder().decode(parts(saved)['xl/tables/table1.xml']);
    expect(table).toContain('ref="A3:F9"');
  });

  it('appends to styles.xml and never renumbers what was there', () => {
    const before = new TextDecoder().decode(parts(original)['xl/styles.xml']);
    const after = new TextDecoder().decode(parts(saved)['xl/styles.xml']);
    for (const [list, item] of [['numFmts', 'numFmt'], ['fonts', 'font'], ['fills', 'fill'], ['borders', 'border'], ['cellXfs', 'xf'], ['cellStyleXfs', 'xf'], ['cellStyles', 'cellStyle']]) {
      const old = styleEntries(before, list, item);
      const now = styleEntries(after, list, item);
      expect(now.slice(0, old.length)).toEqual(old);
      if (list === 'cellXfs') {
        expect(now.length).toBeGreaterThan(old.length);
        expect(after).toContain(`<cellXfs count="${now.length}">`);
      } else if (list !== 'numFmts') {
        expect(now).toEqual(old);
      }
    }
    const ids = styleEntries(after, 'numFmts', 'numFmt').map((f) => Number(/numFmtId="(\d+)"/.exec(f)![1]));
    const oldIds = styleEntries(before, 'numFmts', 'numFmt').map((f) => Number(/numFmtId="(\d+)"/.exec(f)![1]));
    for (const id of ids.slice(oldIds.length)) expect(id).toBeGreaterThan(Math.max(163, ...oldIds));
  });

  it('reads the clerk rows and the new rows back', async () => {
    const wb = FileWorkbook.open(saved);
    const [clerk, tickets] = await wb.readSheets(['投诉登记', '工单']);
    expect(clerk.rows[0][0]).toBe('2026年11月 客服中心投诉登记表');
    expect(clerk.rows[3]).toEqual([46328, '1-101', '王先生', '楼道灯不亮', '维修', 120.5]);
    expect(clerk.rows[8]).toEqual([46352, '5-501', '钱先生', '电梯异响', '维修', 66.6]);
    expect(tickets.rows[1]).toEqual(TICKET_ROW);
    expect(tickets.rows[2].slice(0, 9)).toEqual(['GD-20261125-002', 46352.5, '来访', '报修', '维修', '1-101', null, null, '@admin 门禁卡失灵']);
    expect(await wb.listNames()).toEqual(['ComplaintAmounts', 'DeskbookCategory', 'DeskbookDepartment', 'DeskbookFeeItem', 'DeskbookClerk']);
  });

  it('opens in openpyxl with chart, comment, names, tables, validations and frozen headers', () => {
    if (!hasOpenpyxl()) return;
    const file = join(tempDir(), 'clerk-after.xlsx');
    writeFileSync(file, saved);
    const report = python(
      `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
clerk = wb['投诉登记']
dn = wb.defined_names
names = list(dn.keys()) if hasattr(dn, 'keys') else [d.name for d in dn.definedName]
new = {}
for name in wb.sheetnames[2:]:
    ws = wb[name]
    new[name] = {
        'tables': {t: ws.tables[t].ref for t in ws.tables.keys()},
        'freeze': ws.freeze_panes,
        'validations': sorted([str(dv.sqref), dv.type, dv.formula1] for dv in ws.data_validations.dataValidation),
    }
print(json.dumps({
    'sheets': wb.sheetnames,
    'charts': len(clerk._charts),
    'comment': clerk['D4'].comment.text if clerk['D4'].comment else None,
    'names': names,
    'merged': [str(r) for r in clerk.merged_cells.ranges],
    'title_bold': clerk['A1'].font.b,
    'clerk_table': clerk.tables['tblComplaints'].ref,
    'new': new,
}, ensure_ascii=False))
`,
      file,
    ) as {
      sheets: string[];
      charts: number;
      comment: string | null;
      names: string[];
      merged: string[];
      title_bold: boolean;
      clerk_table: string;
      new: Record<string, { tables: Record<string, string>; freeze: string; validations: string[][] }>;
    };
    expect(report.sheets).toEqual(['投诉登记', '备注', ...ALL_SHEETS.map((d) => d.zh)]);
    expect(report.charts).toBe(1);
    expect(report.comment).toBe('已派工程部处理，周五回访');
    expect(report.names).toEqual(expect.arrayContaining(['ComplaintAmounts', 'DeskbookCategory', 'DeskbookClerk']));
    expect(report.merged).toEqual(['A1:F1']);
    expect(report.title_bold).toBe(true);
    expect(report.clerk_table).toBe('A3:F9');
    const tickets = report.new['工单'];
    expect(tickets.tables).toEqual({ tblTickets: tableRef(TICKETS, 2) });
    expect(tickets.freeze).toBe('A2');
    expect(tickets.validations).toContainEqual(['C2:C1048576', 'list', '"来电,来访,来函,电邮,网络,其他"']);
    expect(tickets.validations).toContainEqual(['E2:E1048576', 'list', 'DeskbookCategory']);
    expect(report.new['设置'].tables).toEqual({ tblSettings: tableRef(SETTINGS, 1) }); // an empty table keeps one blank row
    expect(report.new['客户'].freeze).toBe('A2');
  });

  it('opens in LibreOffice', () => {
    if (!hasSoffice()) return;
    const dir = tempDir();
    const file = join(dir, 'clerk-after.xlsx');
    writeFileSync(file, saved);
    const { status, output } = sofficeConvert(file, 'pdf', dir);
    expect(status).toBe(0);
    expect(existsSync(output) && statSync(output).size > 1000).toBe(true);
  });
});
