/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, __dirname, process */
/**
 * Runs a TypeScript entry point of this repository without a build, for fault tests that need the platform as a
 * separate process they can kill: `node test/faults/run-ts.js apps/platform/src/main.ts`. Compiles each .ts file
 * with @swc/core (the same .swcrc as jest) and resolves `@app/<lib>` to libs/<lib>/src, as tsconfig paths do.
 */
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '../..');
const options = JSON.parse(readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete options.$schema;

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  // @app/<lib> and its sub-paths (@app/<lib>/testing, @app/geocoding/distance …), as in tsconfig.json's paths.
  const alias = /^@app\/([a-z-]+)(?:\/([a-z-]+))?$/.exec(request);
  return resolveFilename.call(this, alias ? path.join(root, 'libs', alias[1], 'src', alias[2] ?? '') : request, ...rest);
};
Module._extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), { ...options, filename, sourceMaps: 'inline' });
  module._compile(code, filename);
};

require(path.resolve(root, process.argv[2]));
