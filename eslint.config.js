// Lint is where the layering of DESIGN.md §2 is enforced, not review.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';

const io = ['node:*', 'fs', 'path', 'os', 'crypto', 'worker_threads', 'child_process'];
const adapters = [
  '@grpc/*',
  'express',
  'onnxruntime-node',
  'libsodium-wrappers',
  'better-sqlite3',
  'pino',
  'prom-client',
  'selfsigned',
];
const pureBan = (extra = []) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: [...io, ...adapters], message: 'Pure code does no I/O: declare a port instead.' },
        ...extra,
      ],
    },
  ],
});
const upward = (...layers) => ({
  group: layers.flatMap((l) => [`../${l}/*`, `../../${l}/*`, `../../../${l}/*`]),
  message: 'Dependencies point one way: node, coordinator → benchmark, keys, proto.',
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'proto/gen/**', 'benchmark/growth/tables/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['warn', { max: 60, skipBlankLines: true, skipComments: true }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Randomness comes from libsodium.' },
      ],
    },
  },
  {
    files: ['benchmark/**/*.ts'],
    rules: pureBan([upward('node', 'coordinator', 'keys', 'proto', 'cli')]),
  },
  {
    files: ['node/core/**/*.ts', 'coordinator/core/**/*.ts'],
    rules: pureBan([{ group: ['**/proto/**'], message: 'Core never sees wire types.' }]),
  },
  {
    files: ['keys/**/*.ts', 'proto/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [upward('node', 'coordinator', 'cli')] }],
    },
  },
  {
    files: ['node/**/*.ts'],
    ignores: ['node/core/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [upward('coordinator', 'cli')] }] },
  },
  {
    files: ['coordinator/**/*.ts'],
    ignores: ['coordinator/core/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [upward('node', 'cli')] }] },
  },
  {
    files: ['test/**/*.ts', 'scripts/**'],
    rules: {
      'max-lines-per-function': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      'no-restricted-properties': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
  prettier,
);
