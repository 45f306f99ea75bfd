// One shape for a use case's refusal (UseCaseProblem) and one reading of an as-of: a text that is not
// a wall-clock date-time is BAD_AS_OF in every use case that takes one.
import { addTicket, ticketFormOptions } from '../../src/app/entry';
import { parseAsOf, UseCaseProblem } from '../../src/app/problem';
import { ReportProblem, reportPeriods, runReport, writeKpiPivots } from '../../src/app/report';
import { writeSample } from '../../src/app/sample';
import { setUpWorkbook } from '../../src/app/setup';
import { LiveValidator, validateWorkbook } from '../../src/app/validate';
import { useCaseMessage } from '../../src/domain/failures';
import { wall } from '../../src/domain/time';
import { MemoryWorkbook } from './memoryWorkbook';

const BAD = '25/11/2026 下午';

async function setUp(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await setUpWorkbook(wb, {});
  return wb;
}

async function refusal(work: Promise<unknown>): Promise<{ code: string; params: object; message: string }> {
  const e = await work.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(UseCaseProblem);
  const { code, params, message } = e as UseCaseProblem;
  return { code, params, message };
}

describe('an as-of', () => {
  it('is read as a wall-clock moment, in the formats clerks type; now when absent', () => {
    expect(parseAsOf('2026-11-25T17:30')).toBe(wall(2026, 11, 25, 17, 30));
    expect(parseAsOf('2026-11-25 17:30:00')).toBe(wall(2026, 11, 25, 17, 30));
    expect(parseAsOf('2026-11-25')).toBe(wall(2026, 11, 25));
    expect(typeof parseAsOf(undefined)).toBe('number');
  });

  it('that is not a date-time is BAD_AS_OF in every use case', async () => {
    const expected = { code: 'BAD_AS_OF', params: { asOf: BAD }, message: `The time "${BAD}" is not valid; expected such as 2026-11-25T17:30` };
    const wb = await setUp();
    expect(await refusal(validateWorkbook(wb, { asOf: BAD }))).toEqual(expected);
    const { validator } = await LiveValidator.start(wb, { asOf: '2026-11-25T17:30' });
    expect(await refusal(validator.onRowsChanged(wb, '工单', [1], BAD))).toEqual(expected);
    expect(await refusal(addTicket(wb, { description: '漏水' }, { asOf: BAD, clerkTag: 'K7M' }))).toEqual(expected);
    expect(await refusal(ticketFormOptions(wb, { asOf: BAD }))).toEqual(expected);
    expect(await refusal(runReport(wb, { kind: 'weekly', asOf: BAD }))).toEqual(expected);
    expect(await refusal(runReport(wb, { kind: 'weekly', asOf: '2026-11-25T17:30', generatedAt: BAD }))).toEqual(expected);
    expect(await refusal(reportPeriods(wb, BAD))).toEqual(expected);
    expect(await refusal(writeSample(new MemoryWorkbook(), { asOf: BAD }))).toEqual(expected);
  });
});

describe('a refusal', () => {
  it('of a report is a UseCaseProblem too, with its code and what it names', async () => {
    const wb = await setUp();
    const e = await runReport(wb, { kind: 'monthly', period: '2026-13' }).catch((error: unknown) => error);
    expect(e).toBeInstanceOf(ReportProblem);
    expect(e).toMatchObject({ name: 'UseCaseProblem', code: 'BAD_PERIOD', params: { period: '2026-13' } });
    const none = new MemoryWorkbook([{ name: '我的台账', rows: [['日期']] }, { name: '备忘', rows: [] }]);
    expect(await refusal(writeKpiPivots(none))).toEqual({
      code: 'NO_TICKETS',
      params: { sheets: ['我的台账', '备忘'] },
      message: 'The workbook has no ticket sheet (sheets: 我的台账, 备忘); set the workbook up first',
    });
  });

  it('of a workbook not ready for the request names what it lacks, so that every face refuses alike', async () => {
    const partial = new MemoryWorkbook([{ name: '工单', rows: [['工单号', '受理时间', '渠道'], ['GD-1', 46300, '电话']] }]);
    const lacking = { code: 'MISSING_COLUMNS', params: { sheet: '工单', columns: ['类型', '类别', '内容', '状态'] } };
    expect(await refusal(runReport(partial, { kind: 'monthly', period: '2026-10', asOf: '2026-11-25T17:30' }))).toMatchObject(lacking);
    expect(await refusal(writeKpiPivots(partial))).toMatchObject(lacking);
    expect(partial.writes).toBe(0);
    const headless = new MemoryWorkbook([{ name: 'Tickets', rows: [['notes'], ['leak']] }]);
    expect(await refusal(runReport(headless, { kind: 'weekly', asOf: '2026-11-25T17:30' }))).toEqual({
      code: 'NO_HEADER',
      params: { sheet: 'Tickets', rows: 10, examples: ['Ticket ID', 'Received'] },
      message: 'The sheet "Tickets" has no header row (such as Ticket ID, Received, …) in its first 10 rows',
    });
  });

  it('of validation when the workbook has no structured sheet at all (not "no problems")', async () => {
    const none = new MemoryWorkbook([{ name: '我的台账', rows: [['日期']] }]);
    const expected = { code: 'NOT_SET_UP', params: { sheets: ['我的台账'] }, message: 'The workbook has no structured sheet (sheets: 我的台账); set the workbook up first' };
    expect(await refusal(validateWorkbook(none, { asOf: '2026-11-25T17:30', mark: true }))).toEqual(expected);
    expect(await refusal(LiveValidator.start(none, { asOf: '2026-11-25T17:30' }))).toEqual(expected);
    expect(none.marks.size).toBe(0);
  });

  it('of a period that starts after the as-of', async () => {
    const wb = await setUp();
    expect(await refusal(runReport(wb, { kind: 'quarterly', period: '2027-Q1', asOf: '2026-11-25T17:30' }))).toEqual({
      code: 'FUTURE_PERIOD',
      params: { period: '2027-Q1', asOf: '2026-11-25 17:30' },
      message: 'The period "2027-Q1" has not begun yet (as of 2026-11-25 17:30): choose one that has',
    });
    // the period under way is fine: the report counts up to the as-of
    expect((await runReport(wb, { kind: 'quarterly', period: '2026-Q4', asOf: '2026-11-25T17:30' })).period.label).toBe('2026-Q4');
  });

  it('is worded from its code and parameters in either language', () => {
    expect(useCaseMessage({ code: 'NO_TICKETS', params: { sheets: ['我的台账', '备忘'] } }, 'zh')).toBe('工作簿中没有工单表（现有工作表：我的台账、备忘），请先设置工作簿');
    expect(useCaseMessage({ code: 'NO_TICKETS', params: { sheets: [] } }, 'zh')).toBe('工作簿中没有工单表，请先设置工作簿');
    expect(useCaseMessage({ code: 'NO_TICKETS', params: { sheets: [] } }, 'en')).toBe('the workbook has no ticket sheet; set the workbook up first');
    expect(useCaseMessage({ code: 'BAD_PERIOD', params: { period: '2026-W60' } }, 'zh')).toBe('期间“2026-W60”无效：日报如 2026-11-24，周报如 2026-W48，月报如 2026-11，季报如 2026-Q4');
    expect(useCaseMessage({ code: 'BAD_PERIOD', params: { period: '2026-W60' } }, 'en')).toBe(
      'the period "2026-W60" is not valid: daily 2026-11-24, weekly 2026-W48, monthly 2026-11, quarterly 2026-Q4',
    );
    expect(useCaseMessage({ code: 'BAD_AS_OF', params: { asOf: '昨天' } }, 'zh')).toBe('时间“昨天”无效，应如 2026-11-25T17:30');
  });
});
