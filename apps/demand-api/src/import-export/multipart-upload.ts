import multipart from '@fastify/multipart';
import { HttpStatus } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '@app/errors';

/** Largest workbook accepted for import. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const XLSX_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const REGISTERED = Symbol('multipart registered');

/** Teaches a Fastify instance multipart/form-data (once). Call before the instance is ready, e.g. from onModuleInit. */
export function registerMultipart(fastify: FastifyInstance | undefined): void {
  const flagged = fastify as (FastifyInstance & { [REGISTERED]?: boolean }) | undefined;
  if (!flagged || flagged[REGISTERED]) return;
  flagged[REGISTERED] = true;
  void flagged.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 12 } });
}

export interface UploadedWorkbook {
  file: Buffer;
  fileName: string;
}

/** The one .xlsx file of a multipart request (field `file`), or a 4xx saying what is wrong with the upload. */
export async function readUploadedWorkbook(request: FastifyRequest, accept: 'xlsx' | 'xlsx-or-csv' = 'xlsx'): Promise<UploadedWorkbook> {
  if (!request.isMultipart?.()) throw new AppError(HttpStatus.BAD_REQUEST, 'IMPORT_FILE_MISSING');
  let part;
  try {
    part = await request.file();
  } catch {
    throw new AppError(HttpStatus.BAD_REQUEST, 'IMPORT_FILE_MISSING');
  }
  if (!part || part.fieldname !== 'file') throw new AppError(HttpStatus.BAD_REQUEST, 'IMPORT_FILE_MISSING');
  let file: Buffer;
  try {
    file = await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(HttpStatus.PAYLOAD_TOO_LARGE, 'IMPORT_FILE_TOO_LARGE', { limitMb: MAX_UPLOAD_BYTES / 1024 / 1024 });
    }
    // The upload ended before the file did (a truncated or aborted multipart body): the client's problem, not ours.
    throw new AppError(HttpStatus.BAD_REQUEST, 'IMPORT_UPLOAD_INCOMPLETE');
  }
  const fileName = part.filename || 'upload.xlsx';
  if (accept === 'xlsx-or-csv' && /\.csv$/i.test(fileName)) return { file, fileName };
  if (!/\.xlsx$/i.test(fileName) || !file.subarray(0, 4).equals(XLSX_ZIP_MAGIC)) {
    throw new AppError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'IMPORT_NOT_XLSX');
  }
  return { file, fileName };
}
