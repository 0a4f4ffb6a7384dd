/**
 * Malformed requests generated from an OpenAPI document: for every operation, every path and query parameter
 * and every body field (one level into nested objects and arrays of objects), a set of mutations (wrong types,
 * null, NUL bytes, huge strings, deep nesting, bad UUIDs and enums, negative and huge numbers, unknown fields),
 * plus whole-body mutations (empty, invalid JSON, wrong content type, arrays, deep nesting). Deterministic: the
 * same document and seed give the same requests in the same order.
 */

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

interface Operation {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  pathParams: string[];
  queryParams: { name: string; schema: Schema }[];
  body?: Schema;
  jsonBody: boolean;
}

export interface MalformedRequest {
  route: Route;
  label: string;
  pathValues?: Record<string, string>;
  query?: string;
  body?: string;
  contentType?: string;
}

export function routesOf(document: OpenApiDocument): Route[] {
  const routes: Route[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const parameters = operation.parameters ?? [];
      const content = operation.requestBody?.content ?? {};
      routes.push({
        method: method.toUpperCase() as Route['method'],
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: resolve(document, p.schema ?? {}) })),
        body: content['application/json'] ? resolve(document, content['application/json'].schema) : undefined,
        jsonBody: !!content['application/json'],
      });
    }
  }
  return routes;
}

export function resolve(document: OpenApiDocument, schema: Schema, depth = 0): Schema {
  if (depth > 6) return {};
  if (schema.$ref) return resolve(document, document.components.schemas[schema.$ref.split('/').pop()!] ?? {}, depth + 1);
  if (schema.allOf?.length) return resolve(document, schema.allOf[0], depth + 1);
  const resolved: Schema = { ...schema };
  if (schema.items) resolved.items = resolve(document, schema.items, depth + 1);
  if (schema.properties) {
    resolved.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolve(document, v, depth + 1)]));
  }
  return resolved;
}

/** A plausible value for a schema: its example, default or first enum value, else something of the right type. */
export function sampleOf(schema: Schema, depth = 0): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 3 || !schema.items ? [] : [sampleOf(schema.items, depth + 1)];
    case 'object':
      return depth > 3 ? {} : Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, sampleOf(v, depth + 1)]));
    default:
      return schema.format === 'uuid' ? '00000000-0000-4000-8000-000000000001' : 'text';
  }
}

const HUGE = 'x'.repeat(20_000); // above every MaxLength of the API (10,000 at most)
const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

/** Values put in place of one body field. */
const FIELD_MUTATIONS: [string, unknown][] = [
  ['null', null],
  ['NUL', 'a\u0000b'],
  ['NUL only', '\u0000'],
  ['huge string', HUGE],
  ['empty string', ''],
  ['number', 123456],
  ['negative', -1],
  ['huge number', 1e308],
  ['unsafe integer', 2 ** 53 + 1],
  ['fraction', 0.5],
  ['boolean', true],
  ['object', { nested: { deeper: ['x'] } }],
  ['array', ['a', 1, null]],
  ['array with NUL', ['\u0000']],
  ['big array', Array.from({ length: 2000 }, (_, i) => i)],
  ['bad uuid', 'not-a-uuid'],
  ['nil uuid', '00000000-0000-0000-0000-000000000000'],
  ['bad enum', 'no-such-value'],
  ['bad date', '2026-13-45'],
  ['lone surrogate', '\ud800x'],
  ['prototype key', JSON.parse('{"__proto__":{"polluted":true}}')],
];

/** Values put in place of one path or query parameter (raw text, URL-encoded when sent). */
const PARAM_MUTATIONS: [string, string][] = [
  ['empty', ''],
  ['NUL', '\u0000'],
  ['NUL inside', 'a\u0000b'],
  ['huge', 'y'.repeat(5000)],
  ['101 chars', 'z'.repeat(101)],
  ['negative', '-1'],
  ['huge number', '99999999999999999999999'],
  ['exponent', '1e309'],
  ['NaN', 'NaN'],
  ['bad uuid', 'not-a-uuid'],
  ['nil uuid', '00000000-0000-0000-0000-000000000000'],
  ['uppercase uuid', 'AAAAAAAA-AAAA-4AAA-8AAA-AAAAAAAAAAAA'],
  ['path traversal', '../../etc/passwd'],
  ['sql', "' OR 1=1 --"],
  ['json', '{"$ne":1}'],
  ['chinese', '海南'.repeat(60)],
  ['bad date', '2026-02-30'],
  ['comma list', ',,,'],
];

/** Raw URL fragments that are not valid percent-encoding or UTF-8 (only in the query; path ones are the edge cases). */
const RAW_QUERY_MUTATIONS: [string, string][] = [
  ['bad percent', '%'],
  ['bad utf-8', '%E0%A4%A'],
  ['overlong utf-8', '%C0%AF'],
];

export function generateMalformedRequests(routes: Route[], validBody: (route: Route) => Record<string, unknown>): MalformedRequest[] {
  const requests: MalformedRequest[] = [];
  for (const route of routes) {
    for (const name of route.pathParams) {
      for (const [label, value] of PARAM_MUTATIONS) {
        requests.push({ route, label: `path ${name}: ${label}`, pathValues: { [name]: value }, ...bodyFor(route, validBody) });
      }
    }
    for (const { name } of route.queryParams) {
      for (const [label, value] of PARAM_MUTATIONS) {
        requests.push({ route, label: `query ${name}: ${label}`, query: `${name}=${encodeURIComponent(value)}`, ...bodyFor(route, validBody) });
      }
      for (const [label, raw] of RAW_QUERY_MUTATIONS) requests.push({ route, label: `query ${name}: ${label}`, query: `${name}=${raw}` });
      requests.push({ route, label: `query ${name}: repeated`, query: `${name}=1&${name}=2&${name}[]=3` });
      requests.push({ route, label: `query ${name}: nested`, query: `${name}[a][b]=1` });
    }
    requests.push({ route, label: 'query: unknown parameter', query: 'unknownParam=1', ...bodyFor(route, validBody) });
    requests.push({ route, label: 'query: unknown parameter with NUL', query: 'unknownParam=%00', ...bodyFor(route, validBody) });
    if (!route.body && !route.jsonBody) {
      if (route.method !== 'GET') {
        requests.push({ route, label: 'unexpected JSON body', body: '{"unexpected":"\\u0000"}', contentType: 'application/json' });
        requests.push({ route, label: 'unexpected deep body', body: deep(3000), contentType: 'application/json' });
      }
      continue;
    }
    const valid = validBody(route);
    for (const [field, schema] of Object.entries(route.body?.properties ?? {})) {
      for (const [label, value] of FIELD_MUTATIONS) {
        requests.push(json(route, `body ${field}: ${label}`, { ...valid, [field]: value }));
      }
      const inner = schema.type === 'array' ? schema.items : schema;
      for (const [innerField] of Object.entries(inner?.properties ?? {})) {
        const base = sampleOf(inner!) as Record<string, unknown>;
        for (const [label, value] of FIELD_MUTATIONS.slice(0, 8)) {
          const nested = { ...base, [innerField]: value };
          requests.push(json(route, `body ${field}.${innerField}: ${label}`, { ...valid, [field]: schema.type === 'array' ? [nested] : nested }));
        }
      }
    }
    requests.push(json(route, 'body: unknown field', { ...valid, unknownField: 1 }));
    requests.push(json(route, 'body: missing required fields', {}));
    requests.push({ route, label: 'body: empty with JSON type', body: '', contentType: 'application/json' });
    requests.push({ route, label: 'body: invalid JSON', body: '{"a":', contentType: 'application/json' });
    requests.push({ route, label: 'body: trailing garbage', body: '{}x', contentType: 'application/json' });
    requests.push({ route, label: 'body: JSON null', body: 'null', contentType: 'application/json' });
    requests.push({ route, label: 'body: JSON array', body: '[1,2]', contentType: 'application/json' });
    requests.push({ route, label: 'body: JSON string', body: '"x"', contentType: 'application/json' });
    requests.push({ route, label: 'body: 2,000 levels deep', body: deep(2000), contentType: 'application/json' });
    requests.push({ route, label: 'body: 40 levels deep', body: deep(40), contentType: 'application/json' });
    requests.push({ route, label: 'body: __proto__', body: '{"__proto__":{"admin":true}}', contentType: 'application/json' });
    requests.push({ route, label: 'body: constructor.prototype', body: '{"constructor":{"prototype":{"admin":true}}}', contentType: 'application/json' });
    requests.push({ route, label: 'body: text/plain', body: JSON.stringify(valid), contentType: 'text/plain' });
    requests.push({ route, label: 'body: xml', body: '<a/>', contentType: 'application/xml' });
    requests.push({ route, label: 'body: form', body: 'a=1&b=%00', contentType: 'application/x-www-form-urlencoded' });
    requests.push({ route, label: 'body: multipart without boundary', body: 'x', contentType: 'multipart/form-data' });
    requests.push({ route, label: 'body: JSON with bad charset', body: JSON.stringify(valid), contentType: 'application/json; charset=latin-9' });
  }
  return requests;
}

function json(route: Route, label: string, body: unknown): MalformedRequest {
  return { route, label, body: JSON.stringify(body), contentType: 'application/json' };
}

function bodyFor(route: Route, validBody: (route: Route) => Record<string, unknown>): Pick<MalformedRequest, 'body' | 'contentType'> {
  return route.jsonBody ? { body: JSON.stringify(validBody(route)), contentType: 'application/json' } : {};
}

/** A deterministic pseudo-random sequence (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * At most `max` of the requests, chosen with the seed, in their original order; every route keeps at least one, and
 * none more than `perRoute` (so routes with many fields, often the slow ones, do not crowd out the others).
 */
export function sample<T extends { route: Route }>(all: T[], max: number, seed: number, perRoute = Infinity): T[] {
  const random = seededRandom(seed);
  const shuffled = <U>(items: U[]): U[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
  const indexesOf = new Map<Route, number[]>();
  all.forEach((r, i) => indexesOf.set(r.route, [...(indexesOf.get(r.route) ?? []), i]));
  const capped = new Set([...indexesOf.values()].flatMap((indexes) => (indexes.length <= perRoute ? indexes : shuffled(indexes).slice(0, perRoute))));
  const requests = all.filter((_, i) => capped.has(i));
  if (requests.length <= max) return requests;
  const keep = new Set<number>();
  const firstOfRoute = new Map<Route, number>();
  requests.forEach((r, i) => firstOfRoute.has(r.route) || firstOfRoute.set(r.route, i));
  for (const i of firstOfRoute.values()) keep.add(i);
  const rest = shuffled(requests.map((_, i) => i).filter((i) => !keep.has(i)));
  for (const i of rest.slice(0, max - keep.size)) keep.add(i);
  return requests.filter((_, i) => keep.has(i));
}
