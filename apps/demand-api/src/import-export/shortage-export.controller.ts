import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '@app/auth';
import { shanghaiDate } from '@app/clock';
import { MAX_EXPORT_ROWS, ShortageExportService } from '@app/employer-demand';
import { ShortageExportQuery } from './import-export.request.dto';
import { XLSX_CONTENT_TYPE, xlsxFile } from './xlsx-file';
import { ApiErrorResponses } from '@app/http';

@ApiTags('shortages 缺工需求')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('shortages/export')
export class ShortageExportController {
  constructor(private readonly exports: ShortageExportService) {}

  @Get()
  @Roles('admin', 'officer', 'employer')
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({
    summary: 'Shortages in the caller’s scope as .xlsx, with the filters of GET /shortages',
    description: `Same columns as the import template (edit and import again), codes with their names, plus read-only columns. At most ${MAX_EXPORT_ROWS} rows; headers x-total-count and x-exported-count say whether the file holds every match.`,
  })
  @ApiOkResponse({ description: 'an Excel workbook', schema: { type: 'string', format: 'binary' } })
  async download(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ShortageExportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const result = await this.exports.export(principal, query);
    reply.header('x-total-count', String(result.total)).header('x-exported-count', String(result.exported));
    const date = shanghaiDate();
    return xlsxFile(result.file, `缺工需求_${date}.xlsx`, `shortages-${date}.xlsx`);
  }
}
