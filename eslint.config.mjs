// ESLint (flat config): correctness rules for TypeScript and React, and the project's layers.
//
// The layers, bottom to top (see README, "Code layout"):
//   shared/          contract, domain, rules: imports no other part of the project, no Node, no DOM APIs beyond the language
//   electron/core/   the core: imports shared/ only (never `electron`, electron/main, electron/cli or electron/browser)
//   electron/main/, electron/preload/   the Electron glue, over the core
//   electron/cli/, electron/browser/    the CLI and browser mode, over the core (never electron/main)
//   renderer/        the React UI: imports shared/ and its own files only
// A file that breaks a layer fails `npm run lint` with a message naming the rule it broke.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (rule) => `Layer rule: ${rule} (see eslint.config.mjs)`;

/** `electron` the package, and everything under electron/ that is not the core. */
const NOT_CORE = ['electron/main', 'electron/preload', 'electron/cli', 'electron/browser', 'electron/tools'];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
    settings: {
      'import-x/resolver': {
        typescript: { project: ['tsconfig.json', 'tsconfig.web.json', 'tsconfig.e2e.json'], noWarnOnMultipleProjects: true },
        node: true,
      },
    },
    rules: {
      // Every package the code imports is declared (devDependencies are for tests, tools and build config).
      'import-x/no-extraneous-dependencies': ['error', { devDependencies: false, includeTypes: true }],
      'import-x/no-duplicates': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests, the benchmark, build tools and config files may use development packages.
    files: [
      'test/**',
      'electron/tools/**',
      'electron/cli/build-cli.cjs',
      'electron/browser/build-browser.cjs',
      '*.config.*',
      '*.mts',
      'resources/**',
    ],
    rules: { 'import-x/no-extraneous-dependencies': ['error', { devDependencies: true, includeTypes: true }] },
  },
  {
    // The Electron glue is built into the app bundle, where `electron` is provided at run time.
    files: ['electron/main/**', 'electron/preload/**'],
    rules: { 'import-x/no-extraneous-dependencies': ['error', { devDependencies: ['**/*'], includeTypes: true }] },
  },
  {
    files: ['shared/**'],
    rules: {
      'import-x/no-nodejs-modules': ['error'],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './shared',
              from: ['./electron', './renderer', './test'],
              message: layer('shared/ imports no other part of the project'),
            },
          ],
        },
      ],
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: layer('shared/ imports no other part of the project') }] }],
    },
  },
  {
    files: ['electron/core/**'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './electron/core',
              from: NOT_CORE.map((dir) => `./${dir}`).concat(['./renderer', './test']),
              message: layer('the core (electron/core) imports neither electron/main, electron/cli nor electron/browser'),
            },
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: layer('the core (electron/core) never imports electron') }],
          patterns: [{ group: ['electron/*'], message: layer('the core (electron/core) never imports electron') }],
        },
      ],
    },
  },
  {
    files: ['electron/cli/**', 'electron/browser/**'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './electron/cli',
              from: ['./electron/main', './electron/preload', './renderer'],
              message: layer('the CLI does not import electron/main'),
            },
            {
              target: './electron/browser',
              from: ['./electron/main', './electron/preload', './renderer'],
              message: layer('browser mode does not import electron/main'),
            },
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: layer('the CLI and browser mode run on plain Node, never electron') }] },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import-x/no-nodejs-modules': ['error'],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './renderer',
              from: ['./electron', './test'],
              message: layer('the renderer imports only shared/ and its own files, never electron/**'),
            },
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: layer('the renderer never imports electron: it talks to the contract through src/api/client.ts') },
            {
              name: 'better-sqlite3',
              message: layer('the renderer never imports better-sqlite3: it talks to the contract through src/api/client.ts'),
            },
          ],
        },
      ],
    },
  },
  prettier,
);
