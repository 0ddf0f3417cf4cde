// ESLint with typescript-eslint (type-aware), run by `pnpm test` as its first step (`pnpm lint` alone).
import tseslint from 'typescript-eslint';

const ENV_RULE = {
  object: 'process',
  property: 'env',
  message: 'Read settings with readEnv and give child processes inheritedEnv() (@ikz/shared-types/env).',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.strapi/**',
      '**/dist/**',
      '**/.astro/**',
      '**/.cache/**',
      '**/.var/**',
      'cms/types/**',
      'shared-types/src/generated.ts',
      'site/public/**',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      'no-control-regex': 'off', // matching control characters is how the text rules refuse them
      'no-restricted-properties': ['error', ENV_RULE],
      // A function does one job: at most 80 lines as Prettier formats them (generated code is ignored above,
      // tests are exempt below).
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  // The environment contract itself.
  { files: ['shared-types/src/env.ts'], rules: { 'no-restricted-properties': 'off' } },
  // Tests: describe blocks are long by nature, and test programs set up the environment of their children.
  {
    files: ['tests/**', 'vitest.config.ts'],
    rules: { 'max-lines-per-function': 'off', 'no-restricted-properties': 'off' },
  },
);
