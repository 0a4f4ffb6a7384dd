import { StreamableFile } from '@nestjs/common';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * An .xlsx download. The Chinese file name goes in `filename*` (RFC 5987, UTF-8 percent-encoded); `filename` carries
 * an ASCII fallback for old clients.
 */
export function xlsxFile(file: Buffer, fileName: string, asciiFallback: string): StreamableFile {
  return new StreamableFile(file, {
    type: XLSX_CONTENT_TYPE,
    length: file.length,
    disposition: `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`,
  });
}

const encodeRfc5987 = (value: string) => encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
