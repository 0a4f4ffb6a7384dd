import { HttpStatus } from '@nestjs/common';
import { createInflateRaw } from 'node:zlib';
import { AppError } from '@app/errors';

/**
 * Limits of an uploaded .xlsx once unpacked. A workbook is a zip; its parts are XML that compresses well, but a
 * "bomb" (e.g. 9.8 million tiny shared strings in 9.8 MB) unpacks into gigabytes of heap inside exceljs. The
 * largest legitimate import (50,000 rows of the template) unpacks to well under these figures.
 */
export const WORKBOOK_LIMITS = {
  /** Parts in the archive (the template has about a dozen). */
  maxEntries: 500,
  /** All parts together, unpacked. */
  maxUnpackedBytes: 150 * 1024 * 1024,
  /** The shared-strings part: exceljs keeps every string of it in memory. */
  maxSharedStringsBytes: 32 * 1024 * 1024,
  /** Unpacked : packed, for parts above 1 MB unpacked (XML of real sheets stays far below). */
  maxRatio: 200,
} as const;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

interface ArchiveEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

const tooBig = (reason: string) => new AppError(HttpStatus.PAYLOAD_TOO_LARGE, 'IMPORT_WORKBOOK_TOO_BIG', { reason });
const unreadable = () => new AppError(HttpStatus.BAD_REQUEST, 'IMPORT_UNREADABLE');

/**
 * Checks a workbook before exceljs parses it: reads the zip's central directory (entry count, declared unpacked
 * sizes, compression ratios) and then inflates each part as a stream, counting bytes and discarding them, so a
 * part that unpacks to more than its directory entry declares is caught too. Refuses with 413
 * `IMPORT_WORKBOOK_TOO_BIG` (saying which limit) or, for a truncated or malformed archive, 400 `IMPORT_UNREADABLE`.
 */
export async function inspectWorkbookArchive(file: Buffer): Promise<void> {
  const entries = readCentralDirectory(file);
  if (entries.length > WORKBOOK_LIMITS.maxEntries) throw tooBig(`${entries.length} parts`);
  let total = 0;
  for (const entry of entries) {
    total += entry.declaredSize;
    if (total > WORKBOOK_LIMITS.maxUnpackedBytes) throw tooBig(`> ${mb(WORKBOOK_LIMITS.maxUnpackedBytes)} MB unpacked`);
    if (isSharedStrings(entry) && entry.declaredSize > WORKBOOK_LIMITS.maxSharedStringsBytes) {
      throw tooBig(`shared strings > ${mb(WORKBOOK_LIMITS.maxSharedStringsBytes)} MB`);
    }
    if (entry.declaredSize > 1024 * 1024 && entry.declaredSize > WORKBOOK_LIMITS.maxRatio * Math.max(1, entry.compressedSize)) {
      throw tooBig(`compression ratio above ${WORKBOOK_LIMITS.maxRatio}:1`);
    }
  }
  for (const entry of entries) await verifyUnpackedSize(file, entry);
}

function readCentralDirectory(file: Buffer): ArchiveEntry[] {
  const eocd = findEndOfCentralDirectory(file);
  if (eocd < 0) throw unreadable();
  const count = file.readUInt16LE(eocd + 10);
  const size = file.readUInt32LE(eocd + 12);
  const start = file.readUInt32LE(eocd + 16);
  if (count === 0xffff || start === 0xffffffff || start + size > eocd) throw unreadable(); // zip64 or inconsistent
  const entries: ArchiveEntry[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || file.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw unreadable();
    const nameLength = file.readUInt16LE(at + 28);
    const extraLength = file.readUInt16LE(at + 30);
    const commentLength = file.readUInt16LE(at + 32);
    entries.push({
      name: file.toString('utf8', at + 46, at + 46 + nameLength),
      method: file.readUInt16LE(at + 10),
      compressedSize: file.readUInt32LE(at + 20),
      declaredSize: file.readUInt32LE(at + 24),
      localOffset: file.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(file: Buffer): number {
  const earliest = Math.max(0, file.length - 22 - 0xffff);
  for (let at = file.length - 22; at >= earliest; at--) {
    if (file.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

const isSharedStrings = (entry: ArchiveEntry) => /sharedStrings\d*\.xml$/i.test(entry.name);
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function verifyUnpackedSize(file: Buffer, entry: ArchiveEntry): Promise<void> {
  const local = entry.localOffset;
  if (local + 30 > file.length || file.readUInt32LE(local) !== LOCAL_SIGNATURE) throw unreadable();
  const dataStart = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
  const data = file.subarray(dataStart, dataStart + entry.compressedSize);
  if (data.length < entry.compressedSize) throw unreadable();
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.declaredSize) throw unreadable();
    return;
  }
  if (entry.method !== 8) throw unreadable();
  await new Promise<void>((resolve, reject) => {
    const inflate = createInflateRaw();
    let unpacked = 0;
    inflate.on('data', (chunk: Buffer) => {
      unpacked += chunk.length;
      if (unpacked > entry.declaredSize) {
        inflate.destroy();
        reject(tooBig(`${entry.name} unpacks to more than declared`));
      }
    });
    inflate.on('error', () => reject(unreadable()));
    inflate.on('end', () => (unpacked === entry.declaredSize ? resolve() : reject(unreadable())));
    inflate.end(data);
  });
}

/**
 * At most this many workbooks are parsed at once in a process (each may take a few hundred MB while exceljs
 * reads it): a request beyond that is refused with 429 `IMPORT_BUSY`; background jobs wait their turn.
 */
export const MAX_CONCURRENT_WORKBOOKS = 2;
let parsing = 0;
const waiting: (() => void)[] = [];

export async function withWorkbookSlot<T>(wait: boolean, work: () => Promise<T>): Promise<T> {
  if (parsing >= MAX_CONCURRENT_WORKBOOKS) {
    if (!wait) throw new AppError(HttpStatus.TOO_MANY_REQUESTS, 'IMPORT_BUSY');
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    parsing++;
  }
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next(); // the slot passes on
    else parsing--;
  }
}
