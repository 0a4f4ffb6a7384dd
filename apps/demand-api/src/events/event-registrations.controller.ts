import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '@app/auth';
import { AppError } from '@app/errors';
import { EventRegistrationsService, EventReportsService } from '@app/events';
import { ApiErrorResponses, ApiPageResponse, PageResponse, ParseIdPipe } from '@app/http';
import { AttendeeListQuery } from './events.request.dto';
import { AttendeeResponse, RegistrationResponse } from './events.response.dto';

@ApiTags('events 招聘活动')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('events/:id/registrations')
export class EventRegistrationsController {
  constructor(
    private readonly registrations: EventRegistrationsService,
    private readonly reports: EventReportsService,
  ) {}

  @Post()
  @Roles('seeker')
  @ApiOperation({ summary: 'Register for a published event (while places are left); registering again returns the registration and its ticket' })
  @ApiCreatedResponse({ type: RegistrationResponse })
  async register(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<RegistrationResponse> {
    const result = await this.registrations.register(principal, id);
    if (!result.created) reply.status(200);
    return RegistrationResponse.from(result, result.seekerName, principal);
  }

  @Get()
  @Roles('admin', 'officer', 'station_staff', 'seeker')
  @ApiOperation({ summary: 'Attendees (`?status=&q=` name lookup at the desk); a seeker sees only themselves' })
  @ApiPageResponse(AttendeeResponse)
  async list(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Query() query: AttendeeListQuery): Promise<PageResponse<AttendeeResponse>> {
    const [items, total] = await this.registrations.list(principal, id, query);
    return PageResponse.of(items.map((v) => AttendeeResponse.ofView(v, principal)), total, query);
  }

  @Get('mine')
  @Roles('seeker')
  @ApiOperation({ summary: 'My registration with its entry ticket' })
  @ApiOkResponse({ type: RegistrationResponse })
  async mine(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<RegistrationResponse> {
    const result = await this.registrations.mine(principal, id);
    return RegistrationResponse.from(result, result.seekerName, principal);
  }

  @Get('mine/ticket.png')
  @Roles('seeker')
  @ApiProduces('image/png')
  @ApiOperation({ summary: 'My entry ticket as a QR code (PNG)' })
  @ApiProduces('image/png') @ApiOkResponse({ description: 'the ticket as a QR code', schema: { type: 'string', format: 'binary' } })
  async ticketPng(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const { ticket } = await this.registrations.mine(principal, id);
    if (!ticket) throw new AppError(HttpStatus.NOT_FOUND, 'ATTENDEE_NOT_FOUND');
    reply.header('cache-control', 'no-store');
    const png = await this.reports.qrPng(ticket);
    return new StreamableFile(png, { type: 'image/png', length: png.length });
  }

  @Post('mine/cancel')
  @HttpCode(200)
  @Roles('seeker')
  @ApiOperation({ summary: 'Withdraw my registration (the place is freed; I count as excused)' })
  @ApiOkResponse({ type: AttendeeResponse })
  async cancel(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<AttendeeResponse> {
    await this.registrations.cancelOwn(principal, id);
    const { attendee, seekerName } = await this.registrations.mine(principal, id);
    return AttendeeResponse.of(attendee, seekerName, principal);
  }
}
