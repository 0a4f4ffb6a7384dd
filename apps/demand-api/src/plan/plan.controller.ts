import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, mayReportFor, Principal, Roles } from '@app/auth';
import {
  CompiledQuarter, deadline, INDICATORS, PlanCompileService, PlanReporters, PlanReportsService, PlanTargetsService, PlanView, PlanWorkbookService, Quarter, ReportView,
} from '@app/development-plan';
import { ApiErrorResponses, ParseIdPipe } from '@app/http';
import { POLICY_DIRECTIONS } from '@app/taxonomy';
import { XLSX_CONTENT_TYPE, xlsxFile } from '../import-export/xlsx-file';
import {
  PlanCatalogueResponse, PlanCompileResponse, CorrectPlanReportRequest, PlanCurrentReportResponse, PlanDrillDownQuery, PlanDrillDownResponse, PlanResponse, PutPlanRequest, PlanQuarterQuery,
  PlanReporterQuarterQuery, PlanReporterYearQuery, PlanReportResponse, ReviewPlanReportRequest, StartPlanReportRequest, UpdatePlanReportRequest,
} from './plan.dto';

const toResponse = ({ report, issues }: ReportView): PlanReportResponse => ({
  id: report.id, reporter: report.reporter, year: report.year, quarter: report.quarter, version: report.version, status: report.status,
  figures: report.figures, narrative: report.narrative, history: report.history, prefilledAt: report.prefilledAt, firstSubmittedAt: report.firstSubmittedAt,
  returnReason: report.returnReason, correctionReason: report.correctionReason, previousId: report.previousId,
  deadline: deadline(report.year, report.quarter as Quarter), issues,
});

/**
 * 岗位开发计划 (issue 20): the units' targets, their quarterly reports prefilled from the platform, the province's
 * review, compile, workbook and the drill-down from a figure to the hires it counts. Administrators only: the
 * province administrator for every unit, a regional administrator for the cities and counties in their region.
 */
@ApiTags('plan 岗位开发计划')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('plan')
export class PlanController {
  constructor(
    private readonly reporters: PlanReporters,
    private readonly targets: PlanTargetsService,
    private readonly reports: PlanReportsService,
    private readonly compiler: PlanCompileService,
    private readonly workbooks: PlanWorkbookService,
  ) {}

  @Get('catalogue')
  @Roles('admin')
  @ApiOperation({ summary: 'The seven directions, the indicator catalogue seeded from the plan, and the reporting units the caller reports for' })
  @ApiOkResponse({ type: PlanCatalogueResponse })
  catalogue(@CurrentPrincipal() principal: Principal): PlanCatalogueResponse {
    return { directions: [...POLICY_DIRECTIONS], indicators: [...INDICATORS], reporters: this.reporters.all().filter((r) => mayReportFor(principal, r.code)) };
  }

  @Get('targets')
  @Roles('admin')
  @ApiOperation({ summary: "A unit's targets for a year" })
  @ApiOkResponse({ type: PlanResponse })
  getTargets(@CurrentPrincipal() principal: Principal, @Query() query: PlanReporterYearQuery): Promise<PlanView> {
    return this.targets.get(principal, query.reporter, query.year);
  }

  @Put('targets')
  @Roles('admin')
  @ApiOperation({ summary: "Sets a unit's targets for a year (replaces them): per indicator the annual goal, optional quarterly milestones, an attachment; the SMS contact" })
  @ApiOkResponse({ type: PlanResponse })
  putTargets(@CurrentPrincipal() principal: Principal, @Query() query: PlanReporterYearQuery, @Body() body: PutPlanRequest): Promise<PlanView> {
    return this.targets.put(principal, query.reporter, query.year, {
      targets: body.targets.map((t) => ({ indicator: t.indicator, annualGoal: t.annualGoal ?? null, milestones: t.milestones ?? null, attachment: t.attachment ?? null })),
      contactName: body.contactName, contactPhone: body.contactPhone,
    });
  }

  @Get('reports')
  @Roles('admin')
  @ApiOperation({ summary: "A unit's current report for a quarter (null when not started), with the deadline" })
  @ApiOkResponse({ type: PlanCurrentReportResponse })
  async current(@CurrentPrincipal() principal: Principal, @Query() query: PlanReporterQuarterQuery): Promise<PlanCurrentReportResponse> {
    const view = await this.reports.current(principal, query.reporter, query.year, query.quarter);
    return { report: view && toResponse(view), deadline: deadline(query.year, query.quarter) };
  }

  @Post('reports')
  @Roles('admin')
  @ApiOperation({ summary: "Starts a unit's quarterly report, prefilled from the platform (hires by direction and priority group, shortages filled, events held, subsidies paid); answers the existing one" })
  @ApiCreatedResponse({ type: PlanReportResponse })
  async start(@CurrentPrincipal() principal: Principal, @Body() body: StartPlanReportRequest): Promise<PlanReportResponse> {
    return toResponse(await this.reports.prefill(principal, body.reporter, body.year, body.quarter));
  }

  @Get('reports/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'A report version with its balance checks' })
  @ApiOkResponse({ type: PlanReportResponse })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<PlanReportResponse> {
    return toResponse(await this.reports.get(principal, id));
  }

  @Patch('reports/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Edits figures (with notes) and the narrative of a draft or returned report' })
  @ApiOkResponse({ type: PlanReportResponse })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: UpdatePlanReportRequest): Promise<PlanReportResponse> {
    return toResponse(await this.reports.update(principal, id, body));
  }

  @Post('reports/:id/submit')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Submits a report; refused (422) unless it balances (cumulative never falls, parts within the whole, a figure far from the platform count has a note)' })
  @ApiOkResponse({ type: PlanReportResponse })
  async submit(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<PlanReportResponse> {
    return toResponse(await this.reports.submit(principal, id));
  }

  @Post('reports/:id/review')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Province: return a submitted report (with a reason), accept it, or lock an accepted one' })
  @ApiOkResponse({ type: PlanReportResponse })
  async review(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: ReviewPlanReportRequest): Promise<PlanReportResponse> {
    return toResponse(await this.reports.review(principal, id, body.decision, body.reason ?? null));
  }

  @Post('reports/:id/correct')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'A correction after locking: a new draft version with the reason (the locked one is superseded)' })
  @ApiOkResponse({ type: PlanReportResponse })
  async correct(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: CorrectPlanReportRequest): Promise<PlanReportResponse> {
    return toResponse(await this.reports.correct(principal, id, body.reason));
  }

  @Get('compile')
  @Roles('admin')
  @ApiProduces('application/json', XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: 'Province: the compile of a quarter (every unit × indicator: goal, quarter, cumulative, completion, 时序进度, gap, status; slow and late lists); `?format=xlsx` for the workbook' })
  @ApiOkResponse({ type: PlanCompileResponse, description: 'JSON; with ?format=xlsx the workbook' })
  async compile(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PlanQuarterQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CompiledQuarter | StreamableFile> {
    if (query.format !== 'xlsx') return this.compiler.compile(principal, query.year, query.quarter);
    // The figures link to the console's drill-down on the origin the request came through (behind a trusted proxy: its forwarded host).
    const file = await this.workbooks.workbook(principal, query.year, query.quarter, `${reply.request.protocol}://${reply.request.host}`);
    reply.header('cache-control', 'no-store');
    return xlsxFile(file.content, file.fileName, `development-plan-${query.year}Q${query.quarter}.xlsx`);
  }

  @Get('drilldown')
  @Roles('admin')
  @ApiOperation({ summary: 'The records a platform figure counts (a city, county or 洋浦; hires with names masked, shortages filled, or events held; the quarter or since 1 January)' })
  @ApiOkResponse({ type: PlanDrillDownResponse })
  drillDown(@CurrentPrincipal() principal: Principal, @Query() query: PlanDrillDownQuery): Promise<PlanDrillDownResponse> {
    return this.compiler.drillDown(principal, { ...query, span: query.span ?? 'cumulative', limit: query.limit ?? 100 });
  }
}
