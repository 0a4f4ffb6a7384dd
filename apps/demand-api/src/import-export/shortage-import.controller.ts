import { Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '@app/auth';
import {
  buildShortageTemplate, IMPORT_ROLES, ImportJobsService, INLINE_IMPORT_MAX_ROWS, parseShortageRows, ShortageImportService, TEMPLATE_FILE_NAME,
} from '@app/employer-demand';
import { pickLanguage } from '@app/errors';
import { ApiErrorResponses, ParseIdPipe } from '@app/http';
import { ImportQuery } from './import-export.request.dto';
import { ImportJobResponse, ImportReportResponse } from './import-job.response.dto';
import { MAX_UPLOAD_BYTES, readUploadedWorkbook } from './multipart-upload';
import { XLSX_CONTENT_TYPE, xlsxFile } from './xlsx-file';

@ApiTags('shortages 缺工需求')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('shortages/import')
export class ShortageImportController {
  /** The template depends on reference data only: built once. */
  private template?: Promise<Buffer>;

  constructor(
    private readonly imports: ShortageImportService,
    private readonly jobs: ImportJobsService,
  ) {}

  @Get('template')
  @Roles(...IMPORT_ROLES)
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: 'The .xlsx template for importing shortages (缺工需求导入模板.xlsx): header row, 说明 sheet, dropdowns of codes' })
  @ApiOkResponse({ description: 'an Excel workbook', schema: { type: 'string', format: 'binary' } })
  async downloadTemplate(): Promise<StreamableFile> {
    this.template ??= buildShortageTemplate().xlsx.writeBuffer().then((data) => Buffer.from(data));
    return xlsxFile(await this.template, TEMPLATE_FILE_NAME, 'shortage-import-template.xlsx');
  }

  @Post()
  @HttpCode(200)
  @Roles(...IMPORT_ROLES)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: `.xlsx, at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` } } } })
  @ApiOperation({
    summary: 'Import shortages from the template: rows with the same (credit code, 需求编号) update instead of duplicating',
    description: `Up to ${INLINE_IMPORT_MAX_ROWS} rows are imported at once (200 with the report). Larger files become a background job (202 with the job; follow GET /shortages/import/{id}).`,
  })
  @ApiOkResponse({ type: ImportReportResponse })
  @ApiAcceptedResponse({ type: ImportJobResponse })
  async upload(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ImportQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<ImportReportResponse | ImportJobResponse> {
    const language = pickLanguage(acceptLanguage);
    const upload = await readUploadedWorkbook(request);
    const rows = await parseShortageRows(upload.file);
    if (rows.length <= INLINE_IMPORT_MAX_ROWS) {
      return ImportReportResponse.of(await this.imports.importRows(principal, rows, { mode: query.mode }), language);
    }
    const job = await this.jobs.submit(principal, upload, query.mode, rows.length);
    reply.status(202).header('location', `/api/shortages/import/${job.id}`);
    return ImportJobResponse.of(job, language);
  }

  @Get(':id')
  @Roles(...IMPORT_ROLES)
  @ApiOperation({ summary: 'A background import: status, progress (processed/total) and, when done, the report. Requester or admin only' })
  @ApiOkResponse({ type: ImportJobResponse })
  async job(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseIdPipe) id: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<ImportJobResponse> {
    return ImportJobResponse.of(await this.jobs.get(principal, id), pickLanguage(acceptLanguage));
  }
}
