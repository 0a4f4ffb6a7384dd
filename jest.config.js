/** Unit (*.spec.ts), integration (*.int-spec.ts) and end-to-end (*.e2e-spec.ts) tests, one run. */
const { readFileSync } = require('node:fs');
const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

// Each test file loads its own copy of every module: load a package only when the test uses it (exceljs, pinyin-pro,
// opencc-js … cost a second per file otherwise). Tests only: the build (tsc) keeps eager imports.
swc.module = { ...swc.module, lazy: true };

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testRegex: '.*\\.(spec|int-spec|e2e-spec)\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: { '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src', '^@app/([a-z-]+)/([a-z-]+)$': '<rootDir>/libs/$1/src/$2' },
  setupFiles: ['<rootDir>/test/fast-check-seed.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 30000,
};
