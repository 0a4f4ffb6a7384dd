import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@app/auth';
import { JobImpactEstimate, JobImpactService, WorkReliefService } from '@app/development-plan';
import { ApiErrorResponses, ParseIdPipe } from '@app/http';
import {
  AddWorkReliefPaymentsRequest, CreateJobImpactEstimateRequest, CreateWorkReliefProjectRequest, JobImpactEstimateListResponse, JobImpactEstimateResponse, JobImpactEstimatesQuery,
  JobImpactForecastQuery, JobImpactForecastResponse, ReviewJobImpactEstimateRequest, UpdateJobImpactEstimateRequest, WorkReliefProjectDetailResponse, WorkReliefProjectListResponse,
  WorkReliefProjectResponse, WorkReliefProjectsQuery,
} from './work-relief.dto';

const estimateResponse = (e: JobImpactEstimate): JobImpactEstimateResponse => ({
  id: e.id, reporter: e.reporter, projectName: e.projectName, projectId: e.projectId, status: e.status, lines: e.lines, reviewReason: e.reviewReason,
  reviewedAt: e.reviewedAt, createdAt: e.createdAt,
});

/**
 * 以工代赈 ledger and job-impact estimates (issue 20, part 6). Administrators only: a regional administrator for the
 * cities and counties in their region, the province administrator for all; the province reviews the estimates.
 */
@ApiTags('plan 岗位开发计划')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('plan')
export class WorkReliefController {
  constructor(
    private readonly ledger: WorkReliefService,
    private readonly estimates: JobImpactService,
  ) {}

  @Get('work-relief/projects')
  @Roles('admin')
  @ApiOperation({ summary: "以工代赈 projects of a year (the caller's units): funds, labour pay paid, pay share and flags (under 30%, a worker or account on several projects)" })
  @ApiOkResponse({ type: WorkReliefProjectListResponse })
  async listProjects(@CurrentPrincipal() principal: Principal, @Query() query: WorkReliefProjectsQuery): Promise<WorkReliefProjectListResponse> {
    return { items: await this.ledger.list(principal, query.year, query.reporter) };
  }

  @Post('work-relief/projects')
  @Roles('admin')
  @ApiOperation({ summary: 'Registers a 以工代赈 project of a city, county or 洋浦 with its funds' })
  @ApiCreatedResponse({ type: WorkReliefProjectResponse })
  createProject(@CurrentPrincipal() principal: Principal, @Body() body: CreateWorkReliefProjectRequest): Promise<WorkReliefProjectResponse> {
    return this.ledger.create(principal, { ...body, keyProject: body.keyProject ?? false });
  }

  @Get('work-relief/projects/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'A 以工代赈 project with its summary and the labour pay paid (workers and accounts masked)' })
  @ApiOkResponse({ type: WorkReliefProjectDetailResponse })
  getProject(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<WorkReliefProjectDetailResponse> {
    return this.ledger.get(principal, id);
  }

  @Post('work-relief/projects/:id/payments')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Records labour pay paid on a project (worker, ID number, bank account, amount, day); answers the project with its new summary' })
  @ApiOkResponse({ type: WorkReliefProjectResponse })
  addPayments(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: AddWorkReliefPaymentsRequest): Promise<WorkReliefProjectResponse> {
    return this.ledger.addPayments(principal, id, body.payments);
  }

  @Get('job-impact/estimates')
  @Roles('admin')
  @ApiOperation({ summary: "Job-impact estimates of major projects (the caller's units), newest first" })
  @ApiOkResponse({ type: JobImpactEstimateListResponse })
  async listEstimates(@CurrentPrincipal() principal: Principal, @Query() query: JobImpactEstimatesQuery): Promise<JobImpactEstimateListResponse> {
    return { items: (await this.estimates.list(principal, query.status)).map(estimateResponse) };
  }

  @Post('job-impact/estimates')
  @Roles('admin')
  @ApiOperation({ summary: 'Submits a job-impact estimate: expected jobs by occupation and quarter' })
  @ApiCreatedResponse({ type: JobImpactEstimateResponse })
  async createEstimate(@CurrentPrincipal() principal: Principal, @Body() body: CreateJobImpactEstimateRequest): Promise<JobImpactEstimateResponse> {
    return estimateResponse(await this.estimates.submit(principal, body));
  }

  @Get('job-impact/estimates/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'A job-impact estimate' })
  @ApiOkResponse({ type: JobImpactEstimateResponse })
  async getEstimate(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<JobImpactEstimateResponse> {
    return estimateResponse(await this.estimates.get(principal, id));
  }

  @Put('job-impact/estimates/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Corrects a submitted or returned estimate; it is submitted again (an approved one is final)' })
  @ApiOkResponse({ type: JobImpactEstimateResponse })
  async updateEstimate(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: UpdateJobImpactEstimateRequest): Promise<JobImpactEstimateResponse> {
    return estimateResponse(await this.estimates.update(principal, id, body));
  }

  @Post('job-impact/estimates/:id/review')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Province: approves a submitted estimate (its figures become forecast demand) or returns it with a reason' })
  @ApiOkResponse({ type: JobImpactEstimateResponse })
  async reviewEstimate(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: ReviewJobImpactEstimateRequest): Promise<JobImpactEstimateResponse> {
    return estimateResponse(await this.estimates.review(principal, id, body.decision, body.reason ?? null));
  }

  @Get('job-impact/forecast')
  @Roles('admin')
  @ApiOperation({ summary: "Forecast demand from the approved estimates (the caller's units): jobs per unit, occupation and quarter, from a year on" })
  @ApiOkResponse({ type: JobImpactForecastResponse })
  async forecast(@CurrentPrincipal() principal: Principal, @Query() query: JobImpactForecastQuery): Promise<JobImpactForecastResponse> {
    return { items: await this.estimates.forecast(principal, query.year) };
  }
}
