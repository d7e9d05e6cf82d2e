#!/usr/bin/env node
// Runs the TypeScript CLI directly (through tsx) so `npx kg` never runs a stale build.
require('tsx/cjs');
require('../src/cli.ts');
