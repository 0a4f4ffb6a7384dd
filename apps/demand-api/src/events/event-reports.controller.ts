import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '@app/auth';
import { EventReport, EventReportsService } from '@app/events';
import { ApiErrorResponses, ParseIdPipe } from '@app/http';
import { XLSX_CONTENT_TYPE, xlsxFile } from '../import-export/xlsx-file';
import { ReportQuery } from './events.request.dto';
import { EventReportResponse } from './events.response.dto';

@ApiTags('events 招聘活动')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('events/:id/report')
export class EventReportsController {
  constructor(private readonly reports: EventReportsService) {}

  @Get()
  @Roles('admin', 'officer', 'station_staff')
  @ApiProduces('application/json', XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: 'Attendance, intentions, offers and hires by employer, occupation and priority group; `?format=xlsx` for Excel (Chinese headers)' })
  @ApiOkResponse({ type: EventReportResponse, description: 'JSON; with ?format=xlsx the same as an Excel workbook' })
  async report(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: ReportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EventReport | StreamableFile> {
    if (query.format !== 'xlsx') return this.reports.report(principal, id);
    reply.header('cache-control', 'no-store');
    return xlsxFile(await this.reports.workbook(principal, id), `招聘活动报告_${id.slice(0, 8)}.xlsx`, `event-report-${id.slice(0, 8)}.xlsx`);
  }
}
