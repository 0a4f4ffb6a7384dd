import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/**
 * Node's arguments that run a TypeScript entry point of this repository without a build (`run-ts.js`), for tests
 * that need it as a process of its own. Node versions that strip types themselves are told not to: they would skip
 * the path aliases run-ts.js resolves.
 */
export function tsEntryArgs(entry: string, ...args: string[]): string[] {
  const noStrip = process.allowedNodeEnvironmentFlags.has('--no-experimental-strip-types') ? ['--no-experimental-strip-types'] : [];
  return [...noStrip, join(ROOT, 'test/faults/run-ts.js'), entry, ...args];
}
