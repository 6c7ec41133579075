// Lint rules for Tilmeld's TypeScript: ESLint's and typescript-eslint's
// recommended sets without type information, so a run takes seconds
// (`npm run typecheck` does the type-aware part).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// TypeScript checks names in .ts files; the plain scripts need Node's globals
// named (the `globals` package is not a dependency).
const NODE_GLOBALS = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'clearImmediate',
    'queueMicrotask',
    'structuredClone',
    'fetch',
    'performance',
    'AbortController',
    'TextEncoder',
    'TextDecoder',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  {
    ignores: ['dist/**', 'data/**', '.tmp/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'],
  },
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.{js,mjs}', 'bin/**/*.js', '*.{js,ts}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { globals: NODE_GLOBALS },
    rules: {
      // Input cleaning matches control characters on purpose (NUL cannot be
      // stored in PostgreSQL text; XML 1.0 forbids most of C0).
      'no-control-regex': 'off',
      // A leading underscore marks a value kept for its position, and a rest
      // sibling drops a property on purpose: `({ id: _id, ...rest }) => rest`.
      // `let [a, b] = …` where only `a` changes stays one statement.
      'prefer-const': ['error', { destructuring: 'all' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: { ...NODE_GLOBALS, module: 'writable', require: 'readonly' } },
  },
  {
    // Migrations are frozen and must not follow today's table types, so they
    // take Kysely<any> as Kysely recommends; the dialect helpers serve both
    // migrations and the typed application.
    files: ['src/db/migrations/**/*.ts', 'src/db/dialect.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Tests read untyped JSON answers and build hostile request bodies.
    files: ['test/**/*.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
