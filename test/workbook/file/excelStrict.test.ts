// Every workbook the commands write passes ../shared/ooxml/check-xlsx.sh, the strictest offline stand-in
// for "Excel opens it without a repair prompt": the demo with marks, all four reports, the KPI
// sheet, the arrears list and the notices (with the reminders logged), in both languages; and the clerk's own workbook and the planted one after set-up, marks and a report.
import { writeFileSync } from 'fs';
import { join } from 'path';
import { runArrears, runNotices } from '../../../src/app/arrears';
import { runReport, writeKpiPivots } from '../../../src/app/report';
import { setUpWorkbook } from '../../../src/app/setup';
import { validateWorkbook } from '../../../src/app/validate';
import { Lang } from '../../../src/domain/enums';
import { FileWorkbook } from '../../../src/workbook/file';
import { checkXlsx, fixture, hasCheckXlsx, tempDir } from '../../support/files';
import { buildSampleWorkbook } from '../../support/sample';

const AS_OF = '2026-11-25T17:30:00';

async function reportsAndKpi(wb: FileWorkbook, lang?: Lang): Promise<void> {
  await validateWorkbook(wb, { asOf: AS_OF, mark: true, lang });
  for (const kind of ['daily', 'weekly', 'monthly', 'quarterly'] as const) await runReport(wb, { kind, asOf: AS_OF, generatedAt: AS_OF, write: true, lang });
  await writeKpiPivots(wb, { lang });
  await runArrears(wb, { asOf: AS_OF, write: true, lang });
  await runNotices(wb, { asOf: AS_OF, write: true, logReminders: true, lang });
}

function checked(wb: FileWorkbook, name: string): string {
  const file = join(tempDir(), name);
  writeFileSync(file, wb.toBytes());
  return checkXlsx(file);
}

(hasCheckXlsx() ? describe : describe.skip)('workbooks written by the commands, checked the way Excel would', () => {
  it.each<Lang>(['zh', 'en'])('the demo (%s) with marks, every report and the KPI sheet', async (lang) => {
    const wb = await buildSampleWorkbook({ asOf: AS_OF, lang });
    await reportsAndKpi(wb, lang);
    expect(checked(wb, `demo-${lang}.xlsx`)).toBe('');
  });

  it.each(['clerk-workbook.xlsx', 'planted.xlsx', 'ledger.xlsx'])('%s after set-up, marks, every report and the KPI sheet', async (name) => {
    const wb = FileWorkbook.open(fixture(name));
    await setUpWorkbook(wb);
    await reportsAndKpi(wb);
    expect(checked(wb, name)).toBe('');
  });
});
