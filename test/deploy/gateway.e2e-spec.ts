import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { request as plainRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const hasCaddy = (() => {
  try {
    execFileSync('caddy', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}
const get = (url: string): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const send = url.startsWith('https:') ? request : plainRequest;
    const req = send(url, { rejectUnauthorized: false, servername: 'localhost' }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
    });
    req.on('error', reject);
    req.end();
  });

/**
 * Issue 12, finding 13: the gateway (deploy/Caddyfile, as docker-compose.yml runs it, with TLS from Caddy's own CA)
 * serves HTTPS only, redirects plain HTTP, and sends HSTS and the security headers on every response. Run with the
 * caddy binary of the machine (Debian's package; `.ci/run` installs it) on private ports; the API services are not
 * running, so the proxied answers are errors, which must carry the headers too.
 */
(hasCaddy ? describe : describe.skip)('the HTTPS gateway (deploy/Caddyfile)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-'));
  let caddy: ChildProcess;
  let http: number;
  let https: number;
  let health: number;

  beforeAll(async () => {
    [http, https, health] = [await freePort(), await freePort(), await freePort()];
    // The same file with private ports and without touching the machine's trust store.
    const config = readFileSync(join(__dirname, '../../deploy/Caddyfile'), 'utf8')
      .replace('{\n\tadmin off\n', `{\n\tadmin off\n\thttp_port ${http}\n\thttps_port ${https}\n\tskip_install_trust\n`)
      .replace('http://:2080 {', `http://:${health} {`);
    writeFileSync(join(dir, 'Caddyfile'), config);
    caddy = spawn('caddy', ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], {
      env: { PATH: process.env.PATH, HOME: dir, XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config'), SITE_ADDRESS: 'localhost', TLS: 'internal' },
      stdio: 'ignore',
    });
    const deadline = Date.now() + 30_000;
    while (!(await get(`https://localhost:${https}/`).then(() => true, () => false))) {
      if (Date.now() > deadline) throw new Error('caddy did not serve HTTPS within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }, 60_000);
  afterAll(() => {
    caddy?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends HSTS and the security headers on HTTPS responses, a CSP except on /docs', async () => {
    const api = await get(`https://localhost:${https}/api/health`);
    expect(api.headers['strict-transport-security']).toMatch(/^max-age=31536000/);
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(api.headers['x-frame-options']).toBe('DENY');
    expect(api.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(api.headers['content-security-policy']).toMatch(/default-src 'self'/);
    const docs = await get(`https://localhost:${https}/docs/openapi.json`);
    expect(docs.headers['strict-transport-security']).toMatch(/^max-age=/);
    expect(docs.headers['content-security-policy']).toBeUndefined();
  });

  it('redirects plain HTTP to HTTPS and answers its own health check', async () => {
    const plain = await get(`http://localhost:${http}/api/health`);
    expect(plain.status).toBe(308);
    expect(plain.headers.location).toMatch(/^https:\/\/localhost/);
    expect((await get(`http://127.0.0.1:${health}/healthz`)).status).toBe(200);
  });
});
