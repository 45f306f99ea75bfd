// The suite's date cases, run again in time zones with daylight saving: no date depends on the
// process's zone (PRODUCT.md: wall-clock, no zones). Each zone is a jest run of its own (the zone of
// a process is fixed when it starts), of these files only, in band, in parallel with the other zone.
import { spawn } from 'child_process';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const DATE_TESTS = ['dst', 'time', 'cells', 'periods', 'calendar', 'sla', 'settings', 'adopt'].map((f) => join(ROOT, 'test', 'domain', `${f}.test.ts`));
const ZONES = ['America/New_York', 'Europe/London'];

function jestIn(zone: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--runInBand', '--selectProjects', 'unit', '--runTestsByPath', ...DATE_TESTS], {
      cwd: ROOT,
      env: { ...process.env, TZ: zone, DESKBOOK_TEST_TZ: zone },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the date cases in other time zones', () => {
  let runs: Array<{ code: number | null; output: string }>;
  beforeAll(async () => {
    runs = await Promise.all(ZONES.map(jestIn));
  }, 300_000);

  it.each(ZONES.map((zone, i) => [zone, i] as const))('pass under TZ=%s', (zone, i) => {
    const { code, output } = runs[i];
    // every file ran, and passed
    expect([zone, code, output.match(/Test Suites: .*/)?.[0]]).toEqual([zone, 0, `Test Suites: ${DATE_TESTS.length} passed, ${DATE_TESTS.length} total`]);
  });
});
