/**
 * pnpm loads this file before it does anything in this workspace (install, run, exec, …). It checks the
 * Node.js on PATH, the one that runs the scripts and builds the native modules, and stops with one line
 * when that is too old. A root "preinstall" script would come too late: pnpm 10 runs it only after it has
 * linked and built every dependency. `pnpm --version`, `pnpm help` and `pnpm env` (pnpm's own way to
 * install Node.js) still work.
 */
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const args = process.argv.slice(2);
const command = args.find((arg) => !arg.startsWith('-'));
const informational =
  args.length === 0 || ['--version', '-v', '--help', '-h'].includes(args[0]) || command === 'help' || command === 'env';

if (!informational) {
  const check = spawnSync('node', [path.join(__dirname, 'scripts', 'check-node.cjs')], { stdio: 'inherit' });
  if (check.error) {
    console.error(require('./scripts/check-node.cjs').nodeVersionProblem(null));
    process.exit(1);
  }
  if (check.status !== 0) process.exit(check.status || 1);
}

module.exports = {};
