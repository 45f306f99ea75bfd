// test/fixtures/planted.xlsx is the planted workbook of planted.ts as a file (made by
// test/fixtures/make_planted_workbook.ts): read back, it holds the same cells and the same problems.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unitsOf, validateAll } from '../../../src/domain/rules';
import { ALL_SHEETS, SETTINGS, SheetKey } from '../../../src/domain/schema';
import { settingsFromTable } from '../../../src/domain/settings';
import { readTable, TableRead } from '../../../src/domain/table';
import { parseWallText } from '../../../src/domain/time';
import { FileWorkbook } from '../../../src/workbook/file';
import { AS_OF, PLANTED, plantedGrids } from './planted';

describe('planted.xlsx', () => {
  const file = path.join(__dirname, '..', '..', 'fixtures', 'planted.xlsx');
  const open = async () => {
    const wb = FileWorkbook.open(new Uint8Array(fs.readFileSync(file)));
    return wb.readSheets(ALL_SHEETS.map((d) => d.zh));
  };

  it('holds the cells of the planted tables, so the CLI sees what the rule tests see', async () => {
    const grids = plantedGrids();
    const read = await open();
    for (const key of Object.keys(grids) as SheetKey[]) {
      expect(read.find((g) => g.name === grids[key].name)?.rows).toEqual(grids[key].rows);
    }
  });

  it('has the planted problems and no others', async () => {
    const grids = await open();
    const reads: Partial<Record<SheetKey, TableRead>> = {};
    for (const def of ALL_SHEETS) reads[def.key] = readTable(def, grids.find((g) => g.name === def.zh)!);
    const { settings } = settingsFromTable(readTable(SETTINGS, grids.find((g) => g.name === SETTINGS.zh)!), 'zh');
    const problems = validateAll(reads, { settings, asOf: parseWallText(AS_OF)!, lang: 'zh', units: unitsOf(reads.customers) });
    expect(problems.map((p) => [p.sheet, p.row, p.column, p.code])).toEqual(PLANTED);
  });
});
