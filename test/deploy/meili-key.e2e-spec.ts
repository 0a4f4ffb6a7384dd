import { execFile } from 'node:child_process';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = join(__dirname, '../../deploy/meili-key.mjs');
const MASTER = 'master-key-of-the-test-0123456789';
const UID = '6f6b2f1e-7c0b-4a51-9a57-0d5e1a3b9c11';

interface StoredKey {
  uid: string;
  key: string;
  actions: string[];
  indexes: string[];
  expiresAt: string | null;
}

/**
 * deploy/meili-key.mjs against a stand-in for Meilisearch's /keys routes (no Meilisearch on the development
 * machines; deploy/compose-smoke.sh runs the script against the real one where Docker exists).
 */
describe('the apps’ scoped Meilisearch key (deploy/meili-key.mjs)', () => {
  let server: Server;
  let url: string;
  const keys = new Map<string, StoredKey>();
  const calls: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'meili-key-'));
  writeFileSync(join(dir, 'master'), `${MASTER}\n`);

  const body = (request: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => resolve(text));
    });

  beforeAll(async () => {
    server = createServer(async (request, response) => {
      calls.push(`${request.method} ${request.url}`);
      const send = (status: number, value?: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(value === undefined ? '' : JSON.stringify(value));
      };
      if (request.headers.authorization !== `Bearer ${MASTER}`) return send(401, { code: 'invalid_api_key' });
      const uid = request.url?.match(/^\/keys\/([^/]+)$/)?.[1];
      if (request.method === 'GET' && uid) return keys.has(uid) ? send(200, keys.get(uid)) : send(404, { code: 'api_key_not_found' });
      if (request.method === 'DELETE' && uid) return keys.delete(uid) ? send(204) : send(404, { code: 'api_key_not_found' });
      if (request.method === 'POST' && request.url === '/keys') {
        const wanted = JSON.parse(await body(request));
        if (keys.has(wanted.uid)) return send(409, { code: 'api_key_already_exists' });
        const key = { ...wanted, key: `derived-${wanted.uid}` };
        keys.set(wanted.uid, key);
        return send(201, key);
      }
      return send(404, { code: 'not_found' });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const ensure = () =>
    run(process.execPath, [SCRIPT], {
      env: { PATH: process.env.PATH, MEILI_URL: url, MEILI_MASTER_KEY_FILE: join(dir, 'master'), MEILI_APP_KEY_UID: UID, MEILI_APP_KEY_OUT: join(dir, 'app-key') },
    });

  it('creates a key limited to the two indexes and the engine’s actions, and writes its value for the apps', async () => {
    const first = await ensure();
    expect(first.stdout).toMatch(/created key/);
    const stored = keys.get(UID)!;
    expect(stored.indexes.sort()).toEqual(['seekers', 'shortages']);
    expect(stored.actions).not.toContain('*');
    expect(stored.actions).not.toContain('keys.create');
    expect(stored.actions).toEqual(expect.arrayContaining(['search', 'documents.add', 'documents.delete', 'settings.update', 'tasks.get']));
    expect(readFileSync(join(dir, 'app-key'), 'utf8')).toBe(`derived-${UID}`);
    expect(statSync(join(dir, 'app-key')).mode & 0o222).toBe(0);
  });

  it('keeps an existing key with the same rights and replaces one with other rights', async () => {
    calls.length = 0;
    expect((await ensure()).stdout).toMatch(/kept key/);
    expect(calls).toEqual([`GET /keys/${UID}`]);

    keys.set(UID, { ...keys.get(UID)!, actions: ['*'] });
    calls.length = 0;
    expect((await ensure()).stdout).toMatch(/created key/);
    expect(calls).toEqual([`GET /keys/${UID}`, `DELETE /keys/${UID}`, 'POST /keys']);
    expect(keys.get(UID)!.actions).not.toContain('*');
  });
});
