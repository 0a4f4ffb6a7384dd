// The apps' own Meilisearch key: never the master key. A one-shot step of docker-compose.yml (service
// `meili-key`) runs this with the master key; it makes sure a key with a fixed uid exists with exactly the
// actions the apps use, on their two indexes only, and writes the key's value to a file that the apps read as
// MEILI_API_KEY_FILE. Idempotent: an existing key with the same rights is kept (its value never changes for a
// given uid and master key); one with other rights is replaced.
//   node deploy/meili-key.mjs
// Environment: MEILI_URL, MEILI_MASTER_KEY_FILE (file holding the master key), MEILI_APP_KEY_UID (a UUID),
// MEILI_APP_KEY_OUT (where to write the key), MEILI_INDEXES (default "seekers,shortages").
// Plain Node (18+), no dependencies: it runs in the app image.
import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** What MeilisearchSearchEngine (libs/search) calls: settings, documents, search, task polling, stats. */
export const APP_KEY_ACTIONS = [
  'search',
  'documents.add',
  'documents.get',
  'documents.delete',
  'indexes.create',
  'indexes.get',
  'settings.get',
  'settings.update',
  'tasks.get',
  'stats.get',
];

export async function ensureAppKey({ url, masterKey, uid, indexes, fetchImpl = fetch }) {
  const call = async (method, path, body) => {
    const response = await fetchImpl(`${url.replace(/\/$/, '')}${path}`, {
      method,
      headers: { authorization: `Bearer ${masterKey}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const wanted = { uid, name: 'employment-platform apps', description: 'Scoped key of the API services and the matcher (deploy/meili-key.mjs)', actions: APP_KEY_ACTIONS, indexes, expiresAt: null };
  const same = (key) =>
    [...key.actions].sort().join() === [...APP_KEY_ACTIONS].sort().join() && [...key.indexes].sort().join() === [...indexes].sort().join() && key.expiresAt === null;

  let existing = await call('GET', `/keys/${uid}`);
  if (existing.status === 200 && !same(existing.body)) {
    const deleted = await call('DELETE', `/keys/${uid}`);
    if (deleted.status !== 204) throw new Error(`could not replace the app key: DELETE /keys/${uid} answered ${deleted.status}`);
    existing = { status: 404, body: null };
  }
  if (existing.status === 200) return { key: existing.body.key, created: false };
  if (existing.status !== 404) throw new Error(`GET /keys/${uid} answered ${existing.status}: ${JSON.stringify(existing.body)}`);
  const created = await call('POST', '/keys', wanted);
  if (created.status !== 201) throw new Error(`POST /keys answered ${created.status}: ${JSON.stringify(created.body)}`);
  return { key: created.body.key, created: true };
}

async function main() {
  const env = process.env;
  const need = (name) => env[name] || (console.error(`meili-key: set ${name}`), process.exit(2));
  const url = need('MEILI_URL');
  const masterKey = readFileSync(need('MEILI_MASTER_KEY_FILE'), 'utf8').trim();
  const uid = need('MEILI_APP_KEY_UID');
  const out = need('MEILI_APP_KEY_OUT');
  const indexes = (env.MEILI_INDEXES || 'seekers,shortages').split(',').map((name) => name.trim()).filter(Boolean);
  for (let attempt = 1; ; attempt++) {
    try {
      const { key, created } = await ensureAppKey({ url, masterKey, uid, indexes });
      writeFileSync(`${out}.tmp`, key, { mode: 0o444 });
      chmodSync(`${out}.tmp`, 0o444);
      renameSync(`${out}.tmp`, out);
      console.log(`meili-key: ${created ? 'created' : 'kept'} key ${uid} (${APP_KEY_ACTIONS.length} actions on ${indexes.join(', ')}), written to ${out}`);
      return;
    } catch (error) {
      if (attempt >= 10) throw error;
      console.error(`meili-key: attempt ${attempt} failed (${error.message}); retrying`);
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(`meili-key: ${error.message}`);
    process.exit(1);
  });
}
