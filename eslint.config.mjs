// Flat ESLint config. Besides the usual recommended sets it enforces the
// import directions of DESIGN.md §1: shared imports nothing of ours,
// core never imports electron, the renderer imports only shared.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';

const electronModule = {
  name: 'electron',
  message: 'Only electron/main and electron/preload may import electron (DESIGN.md §1).',
};
const nodeBuiltins = {
  group: ['node:*'],
  message: 'This layer runs in the browser or is pure: no Node APIs (DESIGN.md §1).',
};
const intoRenderer = { group: ['**/renderer/**'], message: 'Nothing imports the renderer (DESIGN.md §1).' };
const intoElectron = {
  group: ['**/electron/**'],
  message: 'This layer may not import electron/* code (DESIGN.md §1).',
};
const intoMain = {
  group: ['**/main/**', '**/preload/**'],
  message: 'core may not import main or preload (DESIGN.md §1).',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['**/*.{ts,mts,vue}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: 'error',
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronModule], patterns: [nodeBuiltins, intoRenderer, intoElectron] },
      ],
    },
  },
  {
    files: ['electron/core/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronModule], patterns: [intoRenderer, intoMain] }] },
  },
  {
    files: ['electron/main/**', 'electron/preload/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [intoRenderer] }] },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronModule], patterns: [nodeBuiltins, intoElectron] }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='window'][property.name='api']",
          message: 'Only renderer/src/api.ts touches window.api (DESIGN.md §2).',
        },
      ],
    },
  },
  {
    files: ['renderer/src/api.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  prettier,
);
