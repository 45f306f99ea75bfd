// Three projects, quickest first: `npm run test:unit` (domain and use cases, seconds),
// `npm run test:backends` (the file and Office.js back ends), `npm run test:integration` (the CLI,
// the task pane in Chromium, LibreOffice and openpyxl, and the large-file tests). `npx jest` runs all
// three; timings are in `npm run bench`, never in a test.

/** Files that build a workbook of 50,000 rows or more: integration, whatever folder they sit in. */
const LARGE = ['<rootDir>/test/workbook/file/large.test.ts', '<rootDir>/test/app/liveOffice.test.ts'];
/** The file back end's output in LibreOffice, openpyxl and Excel's strict checker; the real workbooks. */
const EXTERNAL = [
  '<rootDir>/test/workbook/file/external.test.ts',
  '<rootDir>/test/workbook/file/excelStrict.test.ts',
  '<rootDir>/test/workbook/file/realFixtures.test.ts',
  '<rootDir>/test/workbook/file/adoptReal.test.ts',
];

const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  // office-addin-mock imports office-addin-manifest, which reaches an ESM-only package; the mock only
  // needs its OfficeApp enum (see shared/TOOLCHAIN.md).
  moduleNameMapper: {
    '^office-addin-manifest$': '<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js',
  },
  testTimeout: 60000,
};

const TESTS = '**/*.test.{ts,tsx}';
const ignore = [...LARGE, ...EXTERNAL];

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/scripts/jest-summary.js'],
  projects: [
    { ...shared, displayName: 'unit', testMatch: [`<rootDir>/test/{domain,app}/${TESTS}`, '<rootDir>/test/layers.test.ts'], testPathIgnorePatterns: ignore },
    { ...shared, displayName: 'backends', testMatch: [`<rootDir>/test/workbook/${TESTS}`], testPathIgnorePatterns: ignore },
    { ...shared, displayName: 'integration', testMatch: [`<rootDir>/test/{cli,taskpane}/${TESTS}`, ...LARGE, ...EXTERNAL] },
  ],
};
