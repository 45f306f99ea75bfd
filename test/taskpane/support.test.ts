// A host that cannot run the pane gets a message, not a blank pane: the requirement-set check.
import { highestExcelApi, MIN_EXCEL_API, tooOldMessage, unsupportedExcel } from '../../src/taskpane/support';

/** A host that supports ExcelApi up to 1.`top` (0: none). */
const host = (top: number) => (name: string, version: string) => name === 'ExcelApi' && Number(version.split('.')[1]) <= top;

describe('unsupported Excel hosts', () => {
  it('asks for ExcelApi 1.8, as the manifest does', () => {
    expect(MIN_EXCEL_API).toBe('1.8');
  });

  it('lets Excel with ExcelApi 1.8 or later run the pane', () => {
    expect(unsupportedExcel(host(8))).toBeNull();
    expect(unsupportedExcel(host(17))).toBeNull();
  });

  it('tells volume-licensed Office 2019 (ExcelApi 1.7) it is too old, in both languages, with what was found', () => {
    expect(highestExcelApi(host(7))).toBe('1.7');
    expect(unsupportedExcel(host(7))).toEqual({
      zh: '此版本的 Excel 太旧，无法运行服务台工作簿加载项。请使用 Microsoft 365、Excel 2021 或更新版本，或网页版 Excel。（检测到：ExcelApi 1.7）',
      en: 'This version of Excel is too old to run the Deskbook add-in. Use Microsoft 365, Excel 2021 or later, or Excel on the web. (Found: ExcelApi 1.7)',
    });
  });

  it('says so even when the host supports no ExcelApi set at all', () => {
    expect(highestExcelApi(host(0))).toBeNull();
    expect(unsupportedExcel(host(0))?.en).toBe(tooOldMessage('ExcelApi —').en);
  });
});
