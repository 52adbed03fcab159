#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so the repo needs no build step for it.
require('tsx/cjs/api').register();
require('../src/cli/main.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
