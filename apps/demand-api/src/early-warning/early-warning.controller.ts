import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '@app/auth';
import { RapidResponseService, WarningAlertsService, WarningSignalsService, WarningWorkbookService } from '@app/early-warning';
import { ApiErrorResponses, ApiPageResponse, PageQuery, PageResponse, ParseIdPipe } from '@app/http';
import { MAX_UPLOAD_BYTES, readUploadedWorkbook } from '../import-export/multipart-upload';
import { XLSX_CONTENT_TYPE, xlsxFile } from '../import-export/xlsx-file';
import {
  AcknowledgeRequest, AlertDetailResponse, AlertListQuery, AlertResponse, CasePeopleRequest, CaseResponse, CaseSummaryResponse, FirmReportListResponse, FirmReportQuery,
  FirmReportRequest, FirmReportResponse, ImportQuery, LayoffReportRequest, LayoffReportResponse, MeasureListResponse, MeasureResponse, WarningImportResponse, WorkbookQuery,
} from './early-warning.dto';

/**
 * Early warning of large-scale unemployment (issue 21): monitored firms' monthly reports and §41 layoff reports
 * (officers for their paired enterprises, enterprises for themselves), imports of claims and rates (administrators),
 * alerts with their evidence, acknowledgement by departments, and the rapid-response cases.
 */
@ApiTags('early warning 失业预警')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('warnings')
export class EarlyWarningController {
  constructor(
    private readonly signals: WarningSignalsService,
    private readonly alerts: WarningAlertsService,
    private readonly rapidResponse: RapidResponseService,
    private readonly workbooks: WarningWorkbookService,
  ) {}

  @Post('firm-reports')
  @Roles('admin', 'officer', 'employer')
  @ApiOperation({ summary: 'File (or replace) a monitored firm’s monthly report (失业动态监测) for an enterprise in your scope' })
  @ApiCreatedResponse({ type: FirmReportResponse })
  async fileFirmReport(@CurrentPrincipal() principal: Principal, @Body() body: FirmReportRequest): Promise<FirmReportResponse> {
    return FirmReportResponse.of(await this.signals.fileFirmReport(principal, body));
  }

  @Get('firm-reports')
  @Roles('admin', 'officer', 'employer')
  @ApiOperation({ summary: 'An enterprise’s monthly reports, newest first (36 at most)' })
  @ApiOkResponse({ type: FirmReportListResponse })
  async firmReports(@CurrentPrincipal() principal: Principal, @Query() query: FirmReportQuery): Promise<FirmReportListResponse> {
    return { items: (await this.signals.firmReports(principal, query.employerId)).map(FirmReportResponse.of) };
  }

  @Post('layoff-reports')
  @Roles('admin', 'officer', 'employer')
  @ApiOperation({
    summary: 'File a layoff report under 劳动合同法 第41条: threshold (alone or summed over 90 days), 30 days’ notice, ground and union consultation are checked',
    description: 'The alert (when the layoff reaches a level) and the rapid response (matched jobs, a proposed event, training) follow within seconds.',
  })
  @ApiCreatedResponse({ type: LayoffReportResponse })
  async fileLayoffReport(@CurrentPrincipal() principal: Principal, @Body() body: LayoffReportRequest): Promise<LayoffReportResponse> {
    return LayoffReportResponse.of((await this.signals.fileLayoffReport(principal, body)).report);
  }

  @Get('layoff-reports/:id')
  @Roles('admin', 'officer', 'employer')
  @ApiOperation({ summary: 'A layoff report with its §41 check' })
  @ApiOkResponse({ type: LayoffReportResponse })
  async layoffReport(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<LayoffReportResponse> {
    return LayoffReportResponse.of(await this.signals.layoffReport(principal, id), await this.rapidResponse.caseIdOf(id));
  }

  @Post('imports')
  @HttpCode(200)
  @Roles('admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: `.csv or .xlsx, at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` } } } })
  @ApiOperation({
    summary: 'Import 失业保险金 claims (region, industry, month, claims, weekly) or unemployment rates (region, month, registeredRate, surveyedRate, youthSurveyedRate)',
    description: 'Every row is checked and reported; good rows are written (a region and month imported again is replaced) and the regions’ alerts are evaluated.',
  })
  @ApiOkResponse({ type: WarningImportResponse })
  async importFigures(@CurrentPrincipal() principal: Principal, @Query() query: ImportQuery, @Req() request: FastifyRequest): Promise<WarningImportResponse> {
    const upload = await readUploadedWorkbook(request, 'xlsx-or-csv');
    return WarningImportResponse.of(await this.signals.importFigures(principal, query.kind, upload.fileName, upload.file));
  }

  @Get('alerts')
  @Roles('admin', 'officer')
  @ApiOperation({ summary: 'Alerts in your region, newest first (for the list and the map)' })
  @ApiPageResponse(AlertResponse)
  async listAlerts(@CurrentPrincipal() principal: Principal, @Query() query: AlertListQuery): Promise<PageResponse<AlertResponse>> {
    const [items, total] = await this.alerts.list(principal, { ...query, regionCode: query.region });
    return PageResponse.of(items.map(AlertResponse.of), total, query);
  }

  @Get('alerts/:id')
  @Roles('admin', 'officer')
  @ApiOperation({ summary: 'An alert with its evidence, acknowledgements, escalations and response case' })
  @ApiOkResponse({ type: AlertDetailResponse })
  async alert(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<AlertDetailResponse> {
    return AlertDetailResponse.of(await this.alerts.detail(principal, id));
  }

  @Post('alerts/:id/acknowledge')
  @HttpCode(200)
  @Roles('admin', 'officer')
  @ApiOperation({ summary: 'Acknowledge an alert for a department; the lead department’s (人社) acknowledgement stops its escalation' })
  @ApiOkResponse({ type: AlertDetailResponse })
  async acknowledge(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: AcknowledgeRequest): Promise<AlertDetailResponse> {
    return AlertDetailResponse.of(await this.alerts.acknowledge(principal, id, body.department, body.note ?? ''));
  }

  @Get('cases')
  @Roles('admin', 'officer')
  @ApiOperation({ summary: 'Response cases (应急处置) in your region, newest first' })
  @ApiPageResponse(CaseSummaryResponse)
  async cases(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<PageResponse<CaseSummaryResponse>> {
    const [items, total] = await this.rapidResponse.list(principal, query.offset, query.limit);
    return PageResponse.of(items.map(CaseSummaryResponse.of), total, query);
  }

  @Get('cases/:id')
  @Roles('admin', 'officer')
  @ApiOperation({ summary: 'A rapid-response case: matched shortages, the proposed event, training gaps, tasks and re-employment' })
  @ApiOkResponse({ type: CaseResponse })
  async responseCase(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<CaseResponse> {
    return CaseResponse.of(await this.rapidResponse.view(principal, id));
  }

  @Post('cases/:id/people')
  @HttpCode(200)
  @Roles('admin', 'officer')
  @ApiOperation({ summary: 'Register people laid off (seekers) on a case, to follow them to re-employment' })
  @ApiOkResponse({ type: CaseResponse })
  async addPeople(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: CasePeopleRequest): Promise<CaseResponse> {
    return CaseResponse.of(await this.rapidResponse.addPeople(principal, id, body.seekerIds, body.laidOffOn));
  }

  @Post('cases/:id/tasks/:taskId/done')
  @HttpCode(200)
  @Roles('admin', 'officer')
  @ApiOperation({ summary: 'Mark a task of a response case done (a prepared measure carried out, the people registered, the event held…)' })
  @ApiOkResponse({ type: CaseResponse })
  async completeTask(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseIdPipe) id: string,
    @Param('taskId', ParseIdPipe) taskId: string,
  ): Promise<CaseResponse> {
    return CaseResponse.of(await this.rapidResponse.completeTask(principal, id, taskId));
  }

  @Get('workbook')
  @Roles('admin', 'officer')
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: 'The monthly workbook (Excel) of your region: alerts, indicators per region, layoff reports, response cases; headers in zh-CN, or English with lang=en' })
  @ApiOkResponse({ description: 'the .xlsx workbook', schema: { type: 'string', format: 'binary' } })
  async workbook(@CurrentPrincipal() principal: Principal, @Query() query: WorkbookQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const file = await this.workbooks.workbook(principal, query.month, query.lang ?? 'zh');
    reply.header('cache-control', 'no-store');
    return xlsxFile(file.content, file.fileName, `unemployment-warning-${query.month}.xlsx`);
  }

  @Get('measures')
  @Roles('admin', 'officer')
  @ApiOperation({ summary: 'The prepared measures (政策储备) per level, with their owners' })
  @ApiOkResponse({ type: MeasureListResponse })
  async measures(): Promise<MeasureListResponse> {
    return { items: (await this.alerts.measures()).map(MeasureResponse.of) };
  }
}
