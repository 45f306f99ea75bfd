// The promises checked through the command a clerk runs, with other tools as witnesses:
// `deskbook demo` writes a workbook openpyxl and LibreOffice open, and `deskbook init` on a workbook
// made with another tool keeps every part it does not own byte for byte.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { ALL_SHEETS, TICKETS } from '../../src/domain/schema';
import { FIXTURES, hasOpenpyxl, hasSoffice, openpyxlSummary, parts, sofficeConvert, tempDir } from '../support/files';

const quiet = { out: () => undefined, err: () => undefined };
const ZH_SHEETS = ALL_SHEETS.map((d) => d.zh);

describe('deskbook demo --out x.xlsx', () => {
  let file: string;
  beforeAll(async () => {
    file = path.join(tempDir(), 'x.xlsx');
    expect(await run(['demo', '--out', file, '--as-of', '2026-11-25T17:30'], quiet)).toBe(0);
  });

  it('opens in openpyxl with the five sheets, Chinese headers, tables, frozen headers and dropdowns', () => {
    if (!hasOpenpyxl()) return;
    const s = openpyxlSummary(file);
    expect(s.sheets).toEqual(ZH_SHEETS);
    expect(s.names.sort()).toEqual(['DeskbookCategories', 'DeskbookClerks', 'DeskbookDepartments', 'DeskbookFeeItems']);
    for (const def of ALL_SHEETS) {
      const sheet = s.bySheet[def.zh];
      expect(sheet.headers).toEqual(def.columns.map((c) => c.zh));
      expect(Object.keys(sheet.tables)).toEqual([def.table]);
      expect(sheet.freeze).toBe('A2');
    }
    // every enumerated column of 工单 has a list: C 渠道, D 类型, E 类别, J 责任部门, L 紧急程度, M 状态, U 回访人, V 满意度, X 投诉是否成立
    const tickets = s.bySheet['工单'];
    expect(tickets.rows).toBeGreaterThan(800);
    expect(tickets.validations.map(([ref, type]) => `${ref}:${type}`)).toEqual(
      ['C', 'D', 'E', 'J', 'L', 'M', 'U', 'V', 'X'].map((c) => `${c}2:${c}1048576:list`),
    );
    const byColumn = Object.fromEntries(tickets.validations.map(([ref, , f]) => [ref[0], f]));
    expect(byColumn.M).toBe('"待派单,已派单,处理中,挂起,已完成,已回访,已关闭,不成立"');
    expect(byColumn.E).toBe('DeskbookCategories');
    expect(s.bySheet['客户'].validations).toEqual([['G2:G1048576', 'list', '"已入住,空置,出租"']]);
  });

  it('opens in LibreOffice', () => {
    if (!hasSoffice()) return;
    const out = sofficeConvert(file, 'pdf', tempDir());
    expect(out.status).toBe(0);
    expect(fs.statSync(out.output).size).toBeGreaterThan(10_000);
  });
});

describe("deskbook init on a clerk's workbook made with openpyxl", () => {
  const original = fs.readFileSync(path.join(FIXTURES, 'clerk-workbook.xlsx'));
  let file: string;
  let saved: Uint8Array;
  beforeAll(async () => {
    file = path.join(tempDir(), 'clerk.xlsx');
    fs.writeFileSync(file, original);
    expect(await run(['init', file], quiet)).toBe(0);
    saved = new Uint8Array(fs.readFileSync(file));
  });

  it('keeps every part it does not own byte-identical and adds only its own', () => {
    const before = parts(new Uint8Array(original));
    const after = parts(saved);
    // the entries that register new sheets, tables, names and appended styles
    const registers = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'];
    for (const [name, bytes] of Object.entries(before)) {
      if (registers.includes(name)) continue;
      expect([name, Buffer.from(after[name] ?? []).equals(Buffer.from(bytes))]).toEqual([name, true]);
    }
    const added = Object.keys(after).filter((n) => !(n in before));
    expect(added.every((n) => /^xl\/(worksheets\/sheet\d+\.xml|worksheets\/_rels\/sheet\d+\.xml\.rels|tables\/table\d+\.xml)$/.test(n))).toBe(true);
    expect(added.filter((n) => n.startsWith('xl/tables/'))).toHaveLength(5);
  });

  it('opens in openpyxl with the chart, comment and name intact and the structured sheets added', () => {
    if (!hasOpenpyxl()) return;
    const s = openpyxlSummary(file);
    expect(s.sheets).toEqual(['投诉登记', '备注', ...ZH_SHEETS]);
    expect(s.bySheet['投诉登记'].charts).toBe(1);
    expect(s.bySheet['投诉登记'].comments).toEqual({ D4: '已派工程部处理，周五回访' });
    expect(s.names).toEqual(expect.arrayContaining(['ComplaintAmounts', 'DeskbookCategories', 'DeskbookClerks']));
    expect(s.bySheet['工单'].headers).toEqual(TICKETS.columns.map((c) => c.zh));
    expect(s.bySheet['工单'].freeze).toBe('A2');
    expect(s.bySheet['工单'].validations.length).toBe(9);
  });

  it('opens in LibreOffice', () => {
    if (!hasSoffice()) return;
    expect(sofficeConvert(file, 'pdf', tempDir()).status).toBe(0);
  });

  it('changes nothing when run again', async () => {
    expect(await run(['init', file], quiet)).toBe(0);
    expect(Buffer.from(fs.readFileSync(file)).equals(Buffer.from(saved))).toBe(true);
  });
});
