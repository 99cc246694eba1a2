#!/usr/bin/env node
// The `thidua` command: runs the compiled CLI (built by `npm install` through the `prepare` script).
import { run } from '../dist/shared/cli/main.js';

process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
