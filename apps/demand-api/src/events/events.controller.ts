import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, isProvinceAdmin, Principal, Roles } from '@app/auth';
import { AppError } from '@app/errors';
import { EventAction, EventPlanningService, EventReportsService, EventsService } from '@app/events';
import { ApiErrorResponses, ApiPageResponse, PageResponse, ParseIdPipe } from '@app/http';
import { CreateEventRequest, EventListQuery, EventReasonRequest, MergeEventsRequest, OptionalReasonRequest, RejectEventsRequest, UpdateEventRequest } from './events.request.dto';
import { EventPlanResponse, EventResponse, MergeEventsResponse, RejectEventsResponse } from './events.response.dto';

@ApiTags('events 招聘活动')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly planning: EventPlanningService,
    private readonly reports: EventReportsService,
  ) {}

  @Get()
  @Roles('admin', 'officer', 'station_staff', 'employer', 'seeker')
  @ApiOperation({
    summary: 'Proposals and events, `?station=&status=&from=&to=&family=&sort=`',
    description: 'Station staff: their stations’ events and proposals (their inbox: `?status=proposed`); officers: their region; employers: events they take part in; seekers: published events and their own invitations.',
  })
  @ApiPageResponse(EventResponse)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: EventListQuery): Promise<PageResponse<EventResponse>> {
    const [views, total] = await this.events.list(principal, { ...query, stationId: query.station });
    return PageResponse.of(views.map((v) => EventResponse.of(v, principal)), total, query);
  }

  @Post('plan')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({
    summary: 'Plan events from the latest complete match run (also runs after every full run); one planning per run',
    description: 'Queues the planning job; proposals appear at GET /api/events?status=proposed. A run already planned proposes nothing new.',
  })
  @ApiAcceptedResponse({ type: EventPlanResponse })
  async plan(@CurrentPrincipal() principal: Principal): Promise<{ runId: string | null; queued: boolean }> {
    // Planning covers every region's unmet demand: the province administrator's call alone.
    if (!isProvinceAdmin(principal)) throw new AppError(HttpStatus.FORBIDDEN, 'PROVINCE_ADMIN_ONLY');
    const runId = await this.planning.request();
    return { runId, queued: runId !== null };
  }

  @Post('reject')
  @HttpCode(200)
  @Roles('admin', 'station_staff')
  @ApiOperation({ summary: 'Reject several proposals with one reason (all or none)' })
  @ApiOkResponse({ type: RejectEventsResponse })
  async rejectMany(@CurrentPrincipal() principal: Principal, @Body() body: RejectEventsRequest): Promise<RejectEventsResponse> {
    const views = await this.events.rejectMany(principal, body.ids, body.reason);
    return Object.assign(new RejectEventsResponse(), { items: views.map((v) => EventResponse.of(v, principal)) });
  }

  @Post('merge')
  @HttpCode(200)
  @Roles('admin', 'station_staff')
  @ApiOperation({
    summary: 'Merge proposals of one week into one event and accept it (several occupation families at a venue: a 综合招聘会)',
    description: 'The kept proposal takes the others’ employers, shortages and planned invitees, and gets a new public description; the others are rejected with a reason naming it. All or none.',
  })
  @ApiOkResponse({ type: MergeEventsResponse })
  async merge(@CurrentPrincipal() principal: Principal, @Body() body: MergeEventsRequest): Promise<MergeEventsResponse> {
    const { merged, rejected } = await this.events.mergeAccept(principal, body.ids, body.into);
    return Object.assign(new MergeEventsResponse(), { merged: EventResponse.of(merged, principal), rejected: rejected.map((v) => EventResponse.of(v, principal)) });
  }

  @Post()
  @Roles('admin', 'station_staff')
  @ApiOperation({ summary: 'Create an event by hand (accepted; publish it when ready)' })
  @ApiCreatedResponse({ type: EventResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateEventRequest): Promise<EventResponse> {
    return EventResponse.of(await this.events.create(principal, body), principal);
  }

  @Get(':id')
  @Roles('admin', 'officer', 'station_staff', 'employer', 'seeker')
  @ApiOperation({ summary: 'One event or proposal, with its reasons and employers' })
  @ApiOkResponse({ type: EventResponse })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<EventResponse> {
    return EventResponse.of(await this.events.get(principal, id), principal);
  }

  @Patch(':id')
  @Roles('admin', 'station_staff')
  @ApiOperation({ summary: 'Edit a proposal or an accepted event: date and times (Asia/Shanghai), employers with booths and shortages, invitees, capacity' })
  @ApiOkResponse({ type: EventResponse })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: UpdateEventRequest): Promise<EventResponse> {
    return EventResponse.of(await this.events.update(principal, id, body), principal);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles('admin', 'station_staff')
  @ApiOperation({ summary: 'Accept a proposal (it becomes a scheduled event)' })
  @ApiOkResponse({ type: EventResponse })
  accept(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<EventResponse> {
    return this.move(principal, id, 'accept');
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('admin', 'station_staff')
  @ApiOperation({ summary: 'Reject a proposal with a reason' })
  @ApiOkResponse({ type: EventResponse })
  reject(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: EventReasonRequest): Promise<EventResponse> {
    return this.move(principal, id, 'reject', body.reason);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('admin', 'station_staff')
  @ApiOperation({ summary: 'Publish an accepted event: seekers can find it and register' })
  @ApiOkResponse({ type: EventResponse })
  publish(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<EventResponse> {
    return this.move(principal, id, 'publish');
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('admin', 'station_staff')
  @ApiOperation({ summary: 'Cancel an event (with an optional reason)' })
  @ApiOkResponse({ type: EventResponse })
  cancel(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: OptionalReasonRequest): Promise<EventResponse> {
    return this.move(principal, id, 'cancel', body.reason);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles('admin', 'station_staff')
  @ApiOperation({ summary: 'Close a held event: registrants who did not check in become no-shows' })
  @ApiOkResponse({ type: EventResponse })
  complete(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<EventResponse> {
    return this.move(principal, id, 'complete');
  }

  @Get(':id/calendar')
  @Roles('admin', 'officer', 'station_staff', 'employer', 'seeker')
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: 'The event as an .ics calendar file' })
  @ApiProduces('text/calendar') @ApiOkResponse({ description: 'an iCalendar file', schema: { type: 'string', format: 'binary' } })
  async calendar(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const ics = Buffer.from(await this.reports.calendar(principal, id), 'utf8');
    reply.header('cache-control', 'no-store');
    return new StreamableFile(ics, { type: 'text/calendar; charset=utf-8', length: ics.length, disposition: `attachment; filename="event-${id}.ics"` });
  }

  private async move(principal: Principal, id: string, action: EventAction, reason?: string): Promise<EventResponse> {
    return EventResponse.of(await this.events.transition(principal, id, action, reason), principal);
  }
}
