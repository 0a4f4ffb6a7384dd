import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { loadConfig } from '@app/config';
import { createOfflineGeocoder } from '../offline/offline-geocoder';
import { AmapGeocoder, FallbackGeocoder, GeocodingServiceError } from './amap-geocoder';

/**
 * The adapter against a local HTTP server that answers like 高德's /v3/geocode/geo (a stand-in for the external
 * service, not for anything of ours). The contract test against the real service is below and runs with AMAP_KEY.
 */
describe('AmapGeocoder (高德 web service adapter)', () => {
  let server: Server;
  let url: string;
  let requests: URL[];
  let reply: (query: URL) => { status: number; body: unknown };

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const query = new URL(req.url ?? '/', 'http://localhost');
      requests.push(query);
      const { status, body } = reply(query);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3/geocode/geo`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    requests = [];
  });

  const offline = createOfflineGeocoder();
  const amap = (cacheSize = 100) => new AmapGeocoder({ url, key: 'test-key', timeoutMs: 2000, cacheSize }, offline);
  const found = (level: string, location = '110.33119,20.031971', adcode = '460105', formatted = '海南省海口市秀英区长流镇') => ({
    status: 200,
    body: { status: '1', info: 'OK', count: '1', geocodes: [{ formatted_address: formatted, adcode, location, level }] },
  });

  it('converts the GCJ-02 answer to WGS-84, maps the level to a precision and reads the township from the address', async () => {
    reply = () => found('门牌号');
    const r = await amap().geocode('海口市秀英区长流镇长德大道1号');
    expect(requests[0].searchParams.get('key')).toBe('test-key');
    expect(requests[0].searchParams.get('address')).toBe('海南省海口市秀英区长流镇长德大道1号');
    expect(r).toMatchObject({ precision: 'point', regionCode: '460105', townshipCode: '460105100', source: 'amap' });
    expect(r!.lng).toBeCloseTo(110.326829, 5);
    expect(r!.lat).toBeCloseTo(20.034028, 5);
  });

  it.each([
    ['乡镇', 'township'],
    ['区县', 'district'],
    ['兴趣点', 'point'],
  ])('level %s → precision %s', async (level, precision) => {
    reply = () => found(level);
    expect((await amap().geocode(`地址${level}`))!.precision).toBe(precision);
  });

  it('answers null outside Hainan or for a province-level hit', async () => {
    reply = () => found('门牌号', '116.4,39.9', '110105', '北京市朝阳区');
    expect(await amap().geocode('北京市朝阳区')).toBeNull();
    reply = () => found('省', '110.33,20.03', '460000', '海南省');
    expect(await amap().geocode('海南省')).toBeNull();
  });

  it('caches answers by normalised address (in memory, LRU)', async () => {
    reply = () => found('乡镇');
    const geocoder = amap();
    await geocoder.geocode('海口市秀英区长流镇');
    await geocoder.geocode('海口市 秀英区 长流镇');
    expect(requests).toHaveLength(1);
    expect(geocoder.cachedAnswers).toBe(1);
  });

  it('reports a refused key or an HTTP error as a service error, and the fallback answers offline', async () => {
    reply = () => ({ status: 200, body: { status: '0', info: 'INVALID_USER_KEY' } });
    await expect(amap().geocode('海口市秀英区长流镇')).rejects.toThrow(GeocodingServiceError);
    const errors: Error[] = [];
    const fallback = new FallbackGeocoder(amap(), offline, (e) => errors.push(e));
    expect(await fallback.geocode('海口市秀英区长流镇')).toMatchObject({ source: 'offline', townshipCode: '460105100' });
    expect(errors[0].message).toMatch(/INVALID_USER_KEY/);
    reply = () => ({ status: 503, body: {} });
    expect(await fallback.geocode('陵水县英州镇')).toMatchObject({ source: 'offline', regionCode: '469028' });
  });
});

const config = loadConfig();
const describeLive = config.AMAP_KEY ? describe : describe.skip;
if (!config.AMAP_KEY) {
  console.info('AmapGeocoder contract test skipped: set AMAP_KEY (and optionally AMAP_GEOCODE_URL) to run it against 高德.');
}

describeLive('AmapGeocoder contract (real 高德 service, AMAP_KEY set)', () => {
  const geocoder = new AmapGeocoder(
    { url: config.AMAP_GEOCODE_URL, key: config.AMAP_KEY ?? '', timeoutMs: 10000, cacheSize: 10 },
    createOfflineGeocoder(),
  );

  it('places a Hainan township in its county with WGS-84 coordinates', async () => {
    const r = await geocoder.geocode('海南省海口市秀英区长流镇');
    expect(r).not.toBeNull();
    expect(r!.regionCode).toBe('460105');
    expect(r!.lat).toBeGreaterThan(19.8);
    expect(r!.lat).toBeLessThan(20.2);
    expect(r!.lng).toBeGreaterThan(110);
    expect(r!.lng).toBeLessThan(110.5);
  });
});
