import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { FileWorkbook } from '../../src/workbook/file';

const fixtures = path.join(__dirname, '..', 'fixtures');

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-cli-'));
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('deskbook init', () => {
  it('creates a new set-up workbook when the file does not exist, and changes nothing the second time', async () => {
    const file = path.join(tmpDir(), 'new.xlsx');
    const first = await cli('init', file);
    expect(first.code).toBe(0);
    expect(first.out).toContain('已创建工作表：工单、客户、应收、催缴记录、设置');
    const bytes = fs.readFileSync(file);
    const sheets = await FileWorkbook.open(bytes).listSheets();
    expect(sheets.map((s) => s.name)).toEqual(['工单', '客户', '应收', '催缴记录', '设置']);
    const second = await cli('init', file);
    expect(second.code).toBe(0);
    expect(second.out).toContain('工作簿已设置，无需改动');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('writes English sheets with --lang en', async () => {
    const file = path.join(tmpDir(), 'en.xlsx');
    const r = await cli('init', file, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain('created sheets: Tickets, Customers, Charges, Reminders, Settings');
  });

  it('reports error values and text in date columns by sheet, row and column, with exit code 1', async () => {
    const file = path.join(tmpDir(), 'bad.xlsx');
    fs.copyFileSync(path.join(fixtures, 'bad-data.xlsx'), file);
    const r = await cli('status', file, '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.problems.map((p: { sheet: string; row: number; column: string; code: string }) => [p.sheet, p.row, p.column, p.code])).toEqual([
      ['工单', 3, '受理时间', 'CELL_WRONG_TYPE'],
      ['工单', 4, '完成时间', 'CELL_ERROR_VALUE'],
      ['应收', 3, '应收金额', 'CELL_ERROR_VALUE'],
      ['应收', 3, '到期日', 'CELL_WRONG_TYPE'],
    ]);
    expect(json.problems[0].message).toBe('工单 第 3 行「受理时间」：“上周三”不是有效值，应为日期时间，如 2026-11-25 14:30');
    const text = await cli('status', file, '--lang', 'en');
    expect(text.code).toBe(1);
    expect(text.out).toContain('应收 row 3, 到期日: "十一月底" is not valid; expected a date such as 2026-11-25');
  });
});

describe('bad input', () => {
  it('a missing file: one clear line, exit 2', async () => {
    const r = await cli('status', '/nonexistent/x.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toBe('deskbook: 找不到文件 /nonexistent/x.xlsx');
    expect((await cli('status', '/nonexistent/x.xlsx', '--lang', 'en')).err).toBe('deskbook: file not found: /nonexistent/x.xlsx');
  });

  it('a file that is not a workbook: one clear line, exit 2, the file untouched', async () => {
    const file = path.join(tmpDir(), 'notes.xlsx');
    fs.writeFileSync(file, 'this is a text file, not a workbook');
    const r = await cli('init', file, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toBe(`deskbook: ${file} is not an Excel workbook (.xlsx): it is not a zip package`);
    const zh = await cli('init', file);
    expect(zh.code).toBe(2);
    expect(zh.err).toBe(`deskbook: ${file} 不是 Excel 工作簿（.xlsx）：它不是 zip 压缩包`);
    expect(fs.readFileSync(file, 'utf8')).toBe('this is a text file, not a workbook');
  });

  it('a sheet too large to read (a stray value at XFD1048576): one clear line naming it, exit 2', async () => {
    const { strFromU8, strToU8, unzipSync, zipSync } = await import('fflate');
    const wb = FileWorkbook.create();
    await wb.addSheets([{ name: '工单', columns: [{ header: '工单号' }], rows: [['GD-1']] }]);
    const parts = unzipSync(wb.toBytes());
    const sheet = Object.keys(parts).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
    parts[sheet] = strToU8(strFromU8(parts[sheet]).replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'));
    const file = path.join(tmpDir(), 'stray.xlsx');
    fs.writeFileSync(file, zipSync(parts));
    const r = await cli('validate', file, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `deskbook: ${file} is too large to process: the sheet "工单" has values spread over A1:XFD1048576, more than 30,000,000 cells; is there a stray value far from the table (near XFD1048576)?`,
    );
    const zh = await cli('validate', file);
    expect(zh.err).toBe(`deskbook: ${file} 太大，无法处理：工作表“工单”的值分布在 A1:XFD1048576，超过 30,000,000 个单元格；表格之外（XFD1048576 附近）是否有零散的值？`);
  });

  it('usage errors exit 2', async () => {
    expect((await cli('init')).code).toBe(2);
    expect((await cli('demo', '--tickets', 'many')).code).toBe(2);
    expect((await cli('init', 'x.xlsx', '--lang', 'fr')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
  });

  it('help exits 0 for every command, in Chinese unless --lang en', async () => {
    for (const c of ['init', 'status', 'validate', 'report', 'kpi', 'callback-plan', 'demo', 'adopt']) {
      const zh = await cli(c, '--help');
      expect([c, zh.code, zh.out.split('\n')[0]]).toEqual([c, 0, expect.stringMatching(new RegExp(`^用法：deskbook ${c} \\[选项\\]`))]);
      expect(zh.out).toMatch(/^选项：$/m);
      expect(zh.out).toContain('  -h, --help');
      const en = await cli(c, '--help', '--lang', 'en');
      expect([c, en.code, en.out.split('\n')[0]]).toEqual([c, 0, expect.stringMatching(new RegExp(`^Usage: deskbook ${c} \\[options\\]`))]);
    }
  });

});

describe('deskbook demo', () => {
  it('writes the same workbook for the same seed and as-of, readable by SheetJS and openpyxl', async () => {
    const dir = tmpDir();
    const a = path.join(dir, 'a.xlsx');
    const b = path.join(dir, 'b.xlsx');
    expect((await cli('demo', '--out', a, '--as-of', '2026-11-25T17:30', '--seed', '3')).code).toBe(0);
    expect((await cli('demo', '--out', b, '--as-of', '2026-11-25T17:30', '--seed', '3')).code).toBe(0);
    const wa = FileWorkbook.open(fs.readFileSync(a));
    const wbB = FileWorkbook.open(fs.readFileSync(b));
    const names = (await wa.listSheets()).map((s) => s.name);
    expect(names).toEqual(['工单', '客户', '应收', '催缴记录', '设置']);
    expect(await wa.readSheets(names)).toEqual(await wbB.readSheets(names));
    const [tickets] = await wa.readSheets(['工单']);
    expect(tickets.rows[0].slice(0, 4)).toEqual(['工单号', '受理时间', '渠道', '类型']);
    expect(tickets.rows).toHaveLength(901); // the header and 900 tickets
  });

  it('leaves no partial file behind when the target cannot be written', async () => {
    const dir = tmpDir();
    const target = path.join(dir, 'no-such-dir', 'x.xlsx');
    const r = await cli('demo', '--out', target);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`deskbook: 无法写入 ${target}：文件夹不存在（原文件未改动）`);
    const en = await cli('demo', '--out', target, '--lang', 'en');
    expect(en.err).toBe(`deskbook: cannot write ${target}: the folder does not exist (the original is unchanged)`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});


describe('deskbook demo onto an existing file', () => {
  it('keeps the file without --force: exit 2, one line naming it, the bytes untouched', async () => {
    const file = path.join(tmpDir(), '台账.xlsx');
    fs.writeFileSync(file, 'a clerk’s own workbook');
    const before = fs.statSync(file).mtimeMs;
    expect(await cli('demo', '--out', file, '--as-of', '2026-11-25T17:30')).toEqual({
      code: 2,
      out: '',
      err: `deskbook: ${file} 已存在，未覆盖：请换一个文件名，或加 --force 覆盖它`,
    });
    expect((await cli('demo', '--out', file, '--lang', 'en')).err).toBe(`deskbook: ${file} already exists and was left as it is: choose another name, or add --force to replace it`);
    expect(fs.readFileSync(file, 'utf8')).toBe('a clerk’s own workbook');
    expect(fs.statSync(file).mtimeMs).toBe(before);
  });

  it('replaces it with --force', async () => {
    const file = path.join(tmpDir(), 'demo.xlsx');
    fs.writeFileSync(file, 'old');
    expect((await cli('demo', '--out', file, '--as-of', '2026-11-25T17:30', '--force')).code).toBe(0);
    expect((await FileWorkbook.open(fs.readFileSync(file)).listSheets()).map((s) => s.name)).toEqual(['工单', '客户', '应收', '催缴记录', '设置']);
  });

  it('says a folder is a folder, the current one too (not "in use")', async () => {
    const dir = tmpDir();
    expect((await cli('demo', '--out', dir)).err).toBe(`deskbook: 无法写入 ${dir}：它是文件夹（原文件未改动）`);
    // renaming onto "…/." is EBUSY, which alone would read "in use by another program"
    const here = `${dir}/.`;
    expect((await cli('demo', '--out', here, '--lang', 'en')).err).toBe(`deskbook: cannot write ${here}: it is a folder (the original is unchanged)`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('says a name too long is too long, without the system code', async () => {
    const dir = tmpDir();
    const long = path.join(dir, `${'台账'.repeat(100)}.xlsx`);
    expect((await cli('demo', '--out', long)).err).toBe(`deskbook: 无法写入 ${long}：文件名或路径太长（原文件未改动）`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('the help and the complaints of the command line, in the user’s language', () => {
  /** The lines of the help's command list: each command on one line, with its description. */
  function commandLines(help: string, heading: string): string[] {
    const lines = help.split('\n');
    const from = lines.indexOf(heading) + 1;
    const to = lines.findIndex((l, i) => i >= from && l.trim() === '');
    return lines.slice(from, to < 0 ? undefined : to);
  }

  it('lists every command with a one-line description, in Chinese by default', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('用法：deskbook [选项] [命令]');
    expect(commandLines(r.out, '命令：').map((l) => l.trim().split(/\s{2,}/))).toEqual([
      ['init [选项] <file>', '设置工作簿：添加缺少的结构化工作表'],
      ['adopt [选项] <file>', '导入已有的手工台账：识别、对应列、导入每一行'],
      ['status [选项] <file>', '查看结构化工作表、行数和无法读取的单元格'],
      ['validate [选项] <file>', '校验每一条记录；--mark 在单元格上标记问题'],
      ['report [选项] <kind> <file>', '生成日盘点、周报、月报或季报工作表'],
      ['kpi [选项] <file>', '生成 KPI 交叉统计表'],
      ['arrears [选项] <file>', '生成欠费明细：每户欠费、催缴级别和最近催缴'],
      ['notices [选项] <file>', '生成催缴通知单（每户一页，可打印）'],
      ['due [选项] <file>', '今日待办：超时、临期、待回访、待派单的工单'],
      ['callback-plan [选项] <file>', '生成季度回访计划：每季回访的住户'],
      ['ids [选项] <file>', '为直接录入工单表的行填写工单号'],
      ['restore [选项] <file>', '列出或恢复工作簿保存的旧版本'],
      ['demo [选项]', '生成示例服务中心工作簿'],
      ['help [命令]', '显示某个命令的帮助'],
    ]);
    expect(r.out).toContain('-V, --version');
    expect(r.out).not.toMatch(/display help|output the version|Usage:/);
  });

  it('in English with --lang en, each command still on one line', async () => {
    const r = await cli('--help', '--lang', 'en');
    expect(r.out.split('\n')[0]).toBe('Usage: deskbook [options] [command]');
    const lines = commandLines(r.out, 'Commands:');
    expect(lines.map((l) => l.trim().split(/\s{2,}/)[0].split(' ')[0])).toEqual(['init', 'adopt', 'status', 'validate', 'report', 'kpi', 'arrears', 'notices', 'due', 'callback-plan', 'ids', 'restore', 'demo', 'help']);
    expect(lines.every((l) => l.length <= 80 && l.trim().split(/\s{2,}/).length === 2)).toBe(true);
    expect(r.out).toMatch(/^ {2}-h, --help +show help$/m);
  });

  it('an unknown option, with a suggestion, and a missing argument: one line each, exit 2', async () => {
    expect(await cli('validate', 'x.xlsx', '--mrak')).toEqual({ code: 2, out: '', err: 'deskbook: 未知选项 --mrak（是否想用 --mark？）（运行 deskbook validate --help 查看用法）' });
    expect(await cli('validate', 'x.xlsx', '--mrak', '--lang', 'en')).toEqual({ code: 2, out: '', err: 'deskbook: unknown option --mrak (did you mean --mark?) (see deskbook validate --help)' });
    expect(await cli('init')).toEqual({ code: 2, out: '', err: 'deskbook: 缺少参数 <file>（运行 deskbook init --help 查看用法）' });
    expect(await cli('init', '--lang', 'en')).toEqual({ code: 2, out: '', err: 'deskbook: missing argument <file> (see deskbook init --help)' });
  });

  it('an unknown command, an invalid choice, a bad number, a missing value', async () => {
    expect((await cli('frobnicate')).err).toBe('deskbook: 未知命令 frobnicate（运行 deskbook --help 查看用法）');
    expect((await cli('reprot', '--lang', 'en')).err).toBe('deskbook: unknown command reprot (did you mean report?) (see deskbook --help)');
    expect((await cli('report', 'yearly', 'x.xlsx')).err).toBe('deskbook: 参数 <kind> 的值“yearly”无效，可选：daily、weekly、monthly、quarterly（运行 deskbook report --help 查看用法）');
    expect((await cli('init', 'x.xlsx', '--lang', 'fr')).err).toBe('deskbook: 选项 --lang 的值“fr”无效，可选：zh、en（运行 deskbook init --help 查看用法）');
    expect((await cli('demo', '--tickets', 'many', '--lang', 'en')).err).toBe('deskbook: option --tickets: "many" is not valid: expected a whole number of at least 1 (see deskbook demo --help)');
    expect((await cli('demo', '--out')).err).toBe('deskbook: 选项 --out 缺少值（运行 deskbook demo --help 查看用法）');
    expect((await cli('status', 'a.xlsx', 'b.xlsx')).err).toBe('deskbook: 参数过多：status 需要 1 个参数，实际给了 2 个（运行 deskbook status --help 查看用法）');
    expect((await cli('init', '')).err).toBe('deskbook: 参数 <file> 的值“”无效：文件名为空（运行 deskbook init --help 查看用法）');
  });
});

describe('deskbook status names what is missing in the workbook’s words', () => {
  it('names a missing sheet as set-up would create it (客户, not customers)', async () => {
    const wb = FileWorkbook.create();
    await wb.addSheets([{ name: '工单', columns: [{ header: '工单号' }, { header: '受理时间' }], rows: [] }]);
    const file = path.join(tmpDir(), '台账.xlsx');
    fs.writeFileSync(file, wb.toBytes());
    const zh = await cli('status', file);
    expect(zh.out.split('\n').slice(0, 5)).toEqual(['  工单：0 行（缺少列：渠道、类型、类别、内容、状态）', '  客户：缺失', '  应收：缺失', '  催缴记录：缺失', '  设置：缺失']);
    // the messages in English, the sheets as the workbook names them
    expect((await cli('status', file, '--lang', 'en')).out).toMatch(/^ {2}客户: missing$/m);
    const en = FileWorkbook.create();
    await en.addSheets([{ name: 'Tickets', columns: [{ header: 'Ticket ID' }], rows: [] }]);
    fs.writeFileSync(file, en.toBytes());
    expect((await cli('status', file, '--lang', 'en')).out).toMatch(/^ {2}Customers: missing$/m);
  });

  it('hints at the header row of the sheet concerned, not the ticket sheet’s', async () => {
    const wb = FileWorkbook.create();
    await wb.addSheets([{ name: '应收', columns: [{ header: '备注' }], rows: [['三月的']] }]);
    const file = path.join(tmpDir(), '台账.xlsx');
    fs.writeFileSync(file, wb.toBytes());
    const r = await cli('status', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain('  应收：在前 10 行中找不到表头行（如 房号、费用项目…）');
    expect((await cli('status', file, '--lang', 'en')).out).toContain('  应收: no header row (such as 房号, 费用项目, …) in the first 10 rows');
  });
});
