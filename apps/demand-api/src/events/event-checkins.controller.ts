import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@app/auth';
import { EventCheckinsService, EventRegistrationsService } from '@app/events';
import { ApiErrorResponses, ApiPageResponse, PageQuery, PageResponse, ParseIdPipe } from '@app/http';
import { CheckInRequest } from './events.request.dto';
import { AttendeeResponse, CheckInResponse } from './events.response.dto';

@ApiTags('events 招聘活动')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('events/:id/checkins')
export class EventCheckinsController {
  constructor(
    private readonly checkins: EventCheckinsService,
    private readonly registrations: EventRegistrationsService,
  ) {}

  @Post()
  @Roles('admin', 'station_staff')
  @ApiOperation({
    summary: 'Check someone in: scan their QR ticket, pick them from the desk list (attendeeId), give their phone, or check in a walk-in (seekerId)',
    description: 'A second check-in, an expired ticket, a forged one and a ticket of another event are refused with a clear message.',
  })
  @ApiCreatedResponse({ type: CheckInResponse })
  async checkIn(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: CheckInRequest): Promise<CheckInResponse> {
    return CheckInResponse.from(await this.checkins.checkIn(principal, id, body), principal);
  }

  @Get()
  @Roles('admin', 'officer', 'station_staff')
  @ApiOperation({ summary: 'Who has checked in' })
  @ApiPageResponse(AttendeeResponse)
  async list(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Query() query: PageQuery): Promise<PageResponse<AttendeeResponse>> {
    const [items, total] = await this.registrations.list(principal, id, { ...query, status: 'attended' });
    return PageResponse.of(items.map((v) => AttendeeResponse.ofView(v, principal)), total, query);
  }
}
