import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'node_modules/**', 'coverage/**', 'jest.config.js', 'eslint.config.mjs', '.dependency-cruiser.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through AppConfig (libs/config), the only place that reads process.env.',
        },
      ],
    },
  },
  {
    files: ['libs/config/**', 'libs/testing/**', 'test/**', '**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The web console (apps/web): browser code, type-checked by its own tsconfig; its build scripts run in Node.
    files: ['apps/web/scripts/**/*.mjs', 'libs/*/data/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // Deploy scripts (deploy/*.mjs) run on their own in a container, outside the app and its AppConfig.
    files: ['deploy/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', fetch: 'readonly', setTimeout: 'readonly' } },
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['test/global-setup.ts', 'test/global-teardown.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
