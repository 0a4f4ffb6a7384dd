import { findPersonalIdentifiers, makeResidentId } from '@app/identifiers';
import { captureLogs, createTestApp, HttpClient, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

const logs = captureLogs();
const logLines = logs.lines;

/** Finding 11: phone and ID numbers in every written form are masked in the request log, URLs included. */
describe('log scrubbing in the running app', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp([logs.module, ...HTTP_FEATURES], { LOG_LEVEL: 'info' });
  });
  afterAll(() => t.close());

  it('request logs carry no phone or ID number, whatever form it was sent in', async () => {
    const http = new HttpClient(t.app);
    const id = makeResidentId('460106', '1993-08-08', 321);
    const urls = [
      '/api/jobs/search?q=138-1234-5678',
      '/api/jobs/search?q=138%201234%205678',
      '/api/jobs/search?q=138+1234+5678',
      '/api/jobs/search?q=%2B8613812345678',
      '/api/jobs/search?q=8613812345678',
      `/api/jobs/search?q=${encodeURIComponent('１３８１２３４５６７８')}`,
      `/api/seekers/${id}`,
      '/api/seekers/138-1234-5678',
    ];
    for (const url of urls) await http.get(url);
    const deadline = Date.now() + 20_000;
    while (logLines.filter((line) => line.includes('/api/')).length < urls.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const requestLines = logLines.filter((line) => line.includes('/api/'));
    expect(requestLines.length).toBeGreaterThanOrEqual(urls.length);
    expect(findPersonalIdentifiers(logLines.join('\n'))).toEqual([]);
    expect(requestLines.filter((line) => line.includes('138****5678')).length).toBeGreaterThanOrEqual(urls.length - 1);
  });
});
