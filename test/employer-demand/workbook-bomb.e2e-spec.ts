import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createDeflateRaw, crc32 } from 'node:zlib';
import { HttpStatus } from '@nestjs/common';
import { buildShortageTemplate, inspectWorkbookArchive, MAX_CONCURRENT_WORKBOOKS, withWorkbookSlot, WORKBOOK_LIMITS } from '@app/employer-demand';
import { AppError } from '@app/errors';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

interface Part {
  name: string;
  data: Buffer;
  size: number;
  crc: number;
  method: 0 | 8;
}

/** Deflates text made by `chunks` as a stream: a part whose unpacked size is far beyond what is ever held in memory. */
async function deflated(name: string, chunks: Iterable<string>): Promise<Part> {
  const deflate = createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  let size = 0;
  let crc = 0;
  for (const text of chunks) {
    const chunk = Buffer.from(text);
    size += chunk.length;
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  return { name, data: Buffer.concat(out), size, crc, method: 8 };
}

const stored = (name: string, text: string): Part => {
  const data = Buffer.from(text);
  return { name, data, size: data.length, crc: crc32(data), method: 0 };
};

/** A zip archive of the parts; `declare` may overstate or understate what the central directory says. */
function zip(parts: Part[], declare: (part: Part) => number = (part) => part.size): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(declare(part), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt32LE(part.crc >>> 0, 16);
    central.writeUInt32LE(part.data.length, 20);
    central.writeUInt32LE(declare(part), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.data);
    centrals.push(central, name);
    offset += local.length + name.length + part.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function* repeat(text: string, times: number, batch = 50_000): Iterable<string> {
  const block = text.repeat(batch);
  for (let left = times; left > 0; left -= batch) yield left >= batch ? block : text.repeat(left);
}

function* distinctStrings(count: number): Iterable<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">`;
  for (let from = 0; from < count; from += 20_000) {
    let text = '';
    for (let i = from; i < Math.min(count, from + 20_000); i++) text += `<si><t>${i.toString(36)}</t></si>`;
    yield text;
  }
  yield '</sst>';
}

/** The parts of a minimal workbook around a shared-strings part. */
function workbookAround(sharedStrings: Part): Part[] {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return [
    stored('[Content_Types].xml', `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`),
    stored('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    stored('xl/workbook.xml', `<?xml version="1.0"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="缺工需求" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    stored('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`),
    sharedStrings,
    stored('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><worksheet xmlns="${main}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`),
  ];
}

/** A full garbage collection, so that heap growth measures the request and not the bomb's making. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const codeOf = async (work: Promise<unknown>) => {
  try {
    await work;
    return 'accepted';
  } catch (error) {
    return error instanceof AppError ? `${error.getStatus()} ${error.code}` : `other: ${(error as Error).message}`;
  }
};

/** Excel bombs (issue 12, finding 10): refused from the zip's directory and counted inflation, never parsed. */
describe('workbook bombs', () => {
  let t: TestApp;
  let officer: HttpClient;

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    officer = await new HttpClient(t.app).login((await new Factories(t.app).user('officer')).username, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  const upload = (file: Buffer) => {
    const boundary = `----pes${randomBytes(8).toString('hex')}`;
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bomb.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return officer.request('POST', '/api/shortages/import', payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  };

  /** Peak JavaScript heap above the level before `work` (after a full collection), sampled while it runs. */
  async function peakGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
    try {
      const result = await work();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      return { result, growthMb: (peak - before) / 1024 / 1024 };
    } finally {
      clearInterval(timer);
    }
  }

  it('2.2 million distinct shared strings (≈ 9 MB packed, 42 MB of shared strings): 413 before exceljs reads them', async () => {
    const bomb = zip(workbookAround(await deflated('xl/sharedStrings.xml', distinctStrings(2_200_000))));
    expect(bomb.length).toBeLessThan(10 * 1024 * 1024);
    const { result: response, growthMb } = await peakGrowth(() => upload(bomb));
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ statusCode: 413, code: 'IMPORT_WORKBOOK_TOO_BIG' });
    expect(response.body.message).toContain('解压后过大');
    expect(growthMb).toBeLessThan(64);
  }, 120_000);

  it('a highly compressible part (20 MB of one repeated string in 20 KB): 413, refused by its compression ratio', async () => {
    const bomb = zip(workbookAround(await deflated('xl/sharedStrings.xml', repeat('<si><t>a</t></si>', 1_200_000))));
    expect(bomb.length).toBeLessThan(10 * 1024 * 1024);
    const { result: response, growthMb } = await peakGrowth(() => upload(bomb));
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('IMPORT_WORKBOOK_TOO_BIG');
    expect(growthMb).toBeLessThan(64);
  }, 120_000);

  it('a part that unpacks to far more than its directory entry declares is caught while inflating (counted, not kept)', async () => {
    const part = await deflated('xl/sharedStrings.xml', repeat('<si><t>b</t></si>', 2_000_000));
    const lying = zip(workbookAround(part), (p) => (p === part ? 1000 : p.size));
    const { result, growthMb } = await peakGrowth(() => codeOf(inspectWorkbookArchive(lying)));
    expect(result).toBe('413 IMPORT_WORKBOOK_TOO_BIG');
    expect(growthMb).toBeLessThan(64);
  }, 120_000);

  it('too many parts, and a truncated archive, are refused; the real template passes', async () => {
    const many = zip(Array.from({ length: WORKBOOK_LIMITS.maxEntries + 1 }, (_, i) => stored(`xl/p${i}.xml`, '<x/>')));
    expect(await codeOf(inspectWorkbookArchive(many))).toBe('413 IMPORT_WORKBOOK_TOO_BIG');
    const template = Buffer.from(await buildShortageTemplate().xlsx.writeBuffer());
    expect(await codeOf(inspectWorkbookArchive(template))).toBe('accepted');
    expect(await codeOf(inspectWorkbookArchive(template.subarray(0, template.length - 30)))).toBe('400 IMPORT_UNREADABLE');
  });

  it(`at most ${MAX_CONCURRENT_WORKBOOKS} workbooks are parsed at once: a request beyond is refused (429), a job waits its turn`, async () => {
    const releases: (() => void)[] = [];
    const hold = () => withWorkbookSlot(false, () => new Promise<void>((resolve) => releases.push(resolve)));
    const running = Array.from({ length: MAX_CONCURRENT_WORKBOOKS }, hold);
    expect(await codeOf(withWorkbookSlot(false, async () => undefined))).toBe(`${HttpStatus.TOO_MANY_REQUESTS} IMPORT_BUSY`);
    let jobRan = false;
    const job = withWorkbookSlot(true, async () => {
      jobRan = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(jobRan).toBe(false);
    releases.shift()!();
    await job;
    expect(jobRan).toBe(true);
    releases.forEach((release) => release());
    await Promise.all(running);
    expect(await codeOf(withWorkbookSlot(false, async () => undefined))).toBe('accepted');
  });
});
