import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsEntryArgs } from '../faults/ts-entry';

const ROOT = join(__dirname, '../..');

/** Runs the fixture as its own process and returns the log lines it left in its file. */
async function linesLeftBy(ending: 'exit' | 'killed-after-error'): Promise<string[]> {
  const file = join(mkdtempSync(join(tmpdir(), 'buffered-logs-')), 'log.jsonl');
  const child = spawn(process.execPath, tsEntryArgs('test/logging/fixtures/buffered-log-writer.ts', file, ending), {
    cwd: ROOT,
    stdio: 'inherit',
  });
  await new Promise((done) => child.once('exit', done));
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line).msg);
}

/** Production logs are buffered (bufferedLogDestination): what is buffered must not be lost where it matters. */
describe('buffered logs', () => {
  it('are written out when the process exits', async () => {
    expect(await linesLeftBy('exit')).toEqual(['info line']);
  });

  it('are written at once after an error, before anything else could flush them', async () => {
    expect(await linesLeftBy('killed-after-error')).toEqual(['info line', 'error line']);
  });
});
