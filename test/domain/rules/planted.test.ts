import { describeProblem } from '../../../src/domain/messages';
import { Problem } from '../../../src/domain/problems';
import { RULES, validateAll } from '../../../src/domain/rules';
import { ALL_SHEETS, SheetKey } from '../../../src/domain/schema';
import { defaultSettings } from '../../../src/domain/settings';
import { readTable, TableRead } from '../../../src/domain/table';
import { parseWallText } from '../../../src/domain/time';
import { PLANTED, plantedGrids, readPlanted } from './planted';

type Reads = Partial<Record<SheetKey, TableRead>>;

const where = (p: Problem) => [p.sheet, p.row, p.column, p.code];
const sheetKey: Record<string, SheetKey> = Object.fromEntries(ALL_SHEETS.map((d) => [d.zh, d.key]));

describe('the planted workbook: one problem per rule', () => {
  const { reads, ctx } = readPlanted();
  const problems = validateAll(reads, ctx);

  it('reads every cell (the rules, not conversion, find the problems)', () => {
    for (const read of Object.values(reads)) expect(read!.problems).toEqual([]);
  });

  it('finds each planted problem at its row and column, and nothing else', () => {
    expect(problems.map(where)).toEqual(PLANTED);
  });

  it('plants every rule of the registry exactly once', () => {
    const planted = PLANTED.map(([sheet, , , code]) => `${sheetKey[sheet]} ${code}`);
    expect(new Set(planted).size).toBe(planted.length);
    expect([...planted].sort()).toEqual(RULES.map((r) => `${r.sheet} ${r.code}`).sort());
  });

  it('gives each problem the severity of its rule: double entry, an agreed time before receipt, a callback while in progress and overpayment are warnings', () => {
    for (const p of problems) {
      const rule = RULES.find((r) => r.code === p.code && r.sheet === sheetKey[p.sheet]);
      expect(p.severity).toBe(rule?.severity);
    }
    expect(problems.filter((p) => p.severity === 'warning').map((p) => p.code)).toEqual(['TICKET_DOUBLE_ENTRY', 'TICKET_AGREED_BEFORE_RECEIVED', 'TICKET_IN_PROGRESS_CALLED_BACK', 'CHARGE_OVERPAID']);
  });

  it('leaves clerk lists unchecked when Settings has no clerks', () => {
    const none = validateAll(reads, { ...ctx, settings: { ...ctx.settings, clerks: [] } });
    expect(none.filter((p) => p.code === 'LIST_UNKNOWN').map(where)).toEqual([
      ['工单', 5, '类别', 'LIST_UNKNOWN'],
      ['应收', 5, '费用项目', 'LIST_UNKNOWN'],
    ]);
  });

  it('checks units only when the customer register has rows', () => {
    const none = validateAll(reads, { ...ctx, units: null });
    expect(none.some((p) => p.code === 'UNIT_UNKNOWN')).toBe(false);
  });

  it('is judged against the as-of moment it is given, never the clock', () => {
    // a week later, the reminder of 11-28 is in the past, and the ticket of 12-25 still ahead
    const later = validateAll(reads, { ...ctx, asOf: parseWallText('2026-12-02 09:00')! });
    expect(later.filter((p) => p.code === 'TIME_IN_FUTURE').map(where)).toEqual([
      ['工单', 8, '受理时间', 'TIME_IN_FUTURE'],
      ['应收', 8, '收款日期', 'TIME_IN_FUTURE'],
    ]);
  });
});

describe('problems in words for a clerk', () => {
  const { reads, ctx } = readPlanted();
  const problems = validateAll(reads, ctx);
  const say = (code: string, lang: 'zh' | 'en') => describeProblem(problems.find((p) => p.code === code)!, lang);

  it('has Chinese and English words for every rule', () => {
    for (const p of problems) {
      for (const lang of ['zh', 'en'] as const) {
        const text = describeProblem(p, lang);
        expect(text).not.toContain(p.code);
        expect(text).not.toMatch(/undefined|NaN|\[object/);
      }
    }
  });

  it('names the row, the column and the column it clashes with, by the headers in the file', () => {
    expect(say('TICKET_TIME_ORDER', 'zh')).toBe('工单 第 9 行「完成时间」：2026-11-21 15:00 早于「首次响应时间」2026-11-22 09:30，应在其后');
    expect(say('TICKET_TIME_ORDER', 'en')).toBe('工单 row 9, 完成时间: 2026-11-21 15:00 is before 首次响应时间 (2026-11-22 09:30); it should come after it');
    expect(say('TICKET_STATUS_NEEDS_RESOLVED', 'zh')).toBe('工单 第 11 行「完成时间」：「状态」为“已完成”，须填写「完成时间」');
    expect(say('TICKET_STATUS_NEEDS_CALLBACK', 'zh')).toBe('工单 第 12 行「回访时间」：投诉工单「状态」为“已关闭”，须填写「回访时间」');
    expect(say('TICKET_DUPLICATE_ID', 'zh')).toBe('工单 第 17 行「工单号」：工单号“GD-001”与第 2 行重复，工单号应唯一');
  });

  it('words the rules of issue 13 in both languages, naming the columns by the headers in the file', () => {
    expect(say('TICKET_DISPATCHED_NEEDS_DEPARTMENT', 'zh')).toBe('工单 第 20 行「责任部门」：「状态」为“已派单”，须填写「责任部门」：派给了哪个部门');
    expect(say('TICKET_DISPATCHED_NEEDS_DEPARTMENT', 'en')).toBe('工单 row 20, 责任部门: 状态 is "Dispatched", so the 责任部门 column must say which department it went to');
    // row 21: received 2026-11-25 09:00, resolved 15:00 the same day, still 待派单
    expect(say('TICKET_NEW_BUT_RESOLVED', 'zh')).toBe('工单 第 21 行「状态」：「状态」为“待派单”，但已填写「完成时间」2026-11-25 15:00：已办结的请把状态改为“已完成”，未办结的请清空「完成时间」');
    expect(say('TICKET_NEW_BUT_RESOLVED', 'en')).toBe(
      '工单 row 21, 状态: 状态 is "New", yet 完成时间 is filled in (2026-11-25 15:00): if it is done, set the status to "Resolved"; if not, clear the 完成时间 column',
    );
    // row 22: called back 2026-11-24 17:00, rated 满意, still 处理中
    expect(say('TICKET_IN_PROGRESS_CALLED_BACK', 'zh')).toBe(
      '工单 第 22 行「状态」：「状态」为“处理中”，但已有「回访时间」2026-11-24 17:00 和「满意度」“满意”：回访后状态应为“已回访”；如回访后重新处理，可忽略此提示',
    );
    expect(say('TICKET_IN_PROGRESS_CALLED_BACK', 'en')).toBe(
      '工单 row 22, 状态: 状态 is "In progress", yet 回访时间 (2026-11-24 17:00) and 满意度 ("Satisfied") are filled in: after the callback the status is "Called back" (if the ticket was reopened after the callback, this can be ignored)',
    );
    expect(say('CUSTOMER_DUPLICATE_UNIT', 'zh')).toBe('客户 第 7 行「房号」：房号“1-101”已在第 2 行登记，同一房号只登记一行：请把第 2 行与本行合并，或更正房号');
    expect(say('CUSTOMER_DUPLICATE_UNIT', 'en')).toBe('客户 row 7, 房号: unit "1-101" is already registered on row 2; a unit has one row: merge row 2 and this one, or correct the unit');
  });

  it('says what is expected', () => {
    expect(say('PHONE_FORMAT', 'zh')).toBe(
      '工单 第 6 行「电话」：“1381234567”不是有效的电话号码，应为 11 位手机号（1 开头，如 13812345678）或带区号的座机号（如 021-58881234）',
    );
    expect(say('LIST_UNKNOWN', 'zh')).toBe('工单 第 5 行「类别」：“维修工”不在设置表的类别列表中，应为：维修、保洁、安保、绿化、停车、收费、噪音、服务态度、其他');
    expect(say('CHARGE_OVERPAID', 'zh')).toBe('应收 第 9 行「实收金额」：实收 712.80 大于「应收金额」356.40（多 356.40），请核对是否把几期的款记在了一行');
    expect(say('CHARGE_PAID_NO_DATE', 'en')).toBe('应收 row 10, 收款日期: 实收金额 is 100.00, so the 收款日期 column must be filled in (a date such as 2026-11-25)');
    // the status and the column it asks for are told apart, even where they share a word (Resolved)
    expect(say('TICKET_STATUS_NEEDS_RESOLVED', 'en')).toBe('工单 row 11, 完成时间: 状态 is "Resolved", so the 完成时间 column must be filled in');
    expect(say('TIME_IN_FUTURE', 'zh')).toBe('工单 第 8 行「受理时间」：2026-12-25 09:00 比当前时间（2026-11-25 17:30）晚一天以上，请检查年、月、日是否录错');
  });

  it('lists every rule once with its wording in both languages', () => {
    const keys = RULES.map((r) => `${r.sheet} ${r.code}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of RULES) {
      expect(r.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.en).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('an English workbook', () => {
  it('finds the same problems under English headers, and words them in English', () => {
    const { reads, ctx } = readPlanted();
    const en: Reads = {};
    for (const [key, read] of Object.entries(reads) as Array<[SheetKey, TableRead]>) {
      const def = read.def;
      const grid = plantedGrids()[key];
      const header = grid.rows[0].map((h) => def.columns.find((c) => c.zh === h)?.en ?? h);
      en[key] = readTable(def, { ...grid, name: def.en, rows: [header, ...grid.rows.slice(1)] });
    }
    const settings = { ...defaultSettings('zh'), clerks: ctx.settings.clerks };
    const problems = validateAll(en, { ...ctx, settings, lang: 'en' });
    expect(problems.map((p) => [p.row, p.code])).toEqual(PLANTED.map(([, row, , code]) => [row, code]));
    const order = problems.find((p) => p.code === 'TICKET_TIME_ORDER')!;
    expect(describeProblem(order, 'en')).toBe('Tickets row 9, Resolved: 2026-11-21 15:00 is before First response (2026-11-22 09:30); it should come after it');
  });
});
