// ESLint: JavaScript's and typescript-eslint's recommended rules with type information, kept small.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'data/built/**',
      'dist/**',
      'web/dist/**',
      'node_modules/**',
      '.wrangler/**',
      'test-output/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_`-named bindings and rest siblings are how a key is dropped on purpose (`{ packed: _p, ...meta }`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Interfaces declare function fields in method shorthand (CliIo, GridProvider); no method of ours uses `this`.
      '@typescript-eslint/unbound-method': 'off',
      // Every hit was a value already narrowed to a scalar, or a JSON scalar printed on purpose.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    files: ['test/**', 'bench/**'],
    rules: {
      // Tests and benchmarks read answers with `res.json()` (any) and check them with expect.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  { files: ['web/src/**'], languageOptions: { globals: { ...globals.browser } } },
  // Plain JavaScript and the tool configs are outside every tsconfig.
  { files: ['**/*.js', '**/*.mjs', '*.config.ts'], extends: [tseslint.configs.disableTypeChecked] },
);
