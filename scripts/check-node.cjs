/**
 * Stops with one line when Node.js is older than the version package.json's "engines" asks for. Plain
 * CommonJS in old syntax, so that any Node.js runs it: the project's scripts are TypeScript, which an old
 * Node.js cannot even load. Runs before every root script (package.json) and, through .pnpmfile.cjs,
 * before pnpm does anything in this workspace.
 */
'use strict';
const fs = require('fs');
const path = require('path');

function requiredMajor() {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  const range = (manifest.engines && manifest.engines.node) || '';
  const match = /^>=\s*(\d+)/.exec(range);
  if (!match) throw new Error('package.json: engines.node must start with ">=<major>", found "' + range + '"');
  return Number(match[1]);
}

/** The line to stop with, or null when `version` ("20.20.2"; null when no Node.js was found) is recent enough. */
function nodeVersionProblem(version) {
  const needed = requiredMajor();
  if (version && Number(version.split('.')[0]) >= needed) return null;
  return (
    'Interkommunales.NRW needs Node.js ' +
    needed +
    ' (found ' +
    (version || 'none') +
    '). ' +
    'Install it from https://nodejs.org/ or with your version manager (nvm install ' +
    needed +
    '), then run the command again.'
  );
}

module.exports = { nodeVersionProblem };

if (require.main === module) {
  // IKZ_NODE_VERSION_OVERRIDE lets the tests play an old Node.js.
  const problem = nodeVersionProblem(process.env.IKZ_NODE_VERSION_OVERRIDE || process.versions.node);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
