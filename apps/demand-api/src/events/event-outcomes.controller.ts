import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@app/auth';
import { EventOutcomesService } from '@app/events';
import { ApiErrorResponses, ApiPageResponse, PageQuery, PageResponse, ParseIdPipe } from '@app/http';
import { RecordOutcomeRequest } from './events.request.dto';
import { OutcomeResponse } from './events.response.dto';

@ApiTags('events 招聘活动')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('events/:id/outcomes')
export class EventOutcomesController {
  constructor(private readonly outcomes: EventOutcomesService) {}

  @Post()
  @Roles('admin', 'station_staff', 'employer')
  @ApiOperation({
    summary: 'Record what happened at a booth: talked → intention → interview → offer → hire',
    description: 'From an intention on, the outcome moves the seeker’s application to the shortage; a hire marks it hired and fills a position of the shortage.',
  })
  @ApiCreatedResponse({ type: OutcomeResponse })
  async record(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: RecordOutcomeRequest): Promise<OutcomeResponse> {
    return OutcomeResponse.of(await this.outcomes.record(principal, id, body));
  }

  @Get()
  @Roles('admin', 'officer', 'station_staff', 'employer')
  @ApiOperation({ summary: 'Outcomes recorded at the event (an employer sees its own)' })
  @ApiPageResponse(OutcomeResponse)
  async list(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Query() query: PageQuery): Promise<PageResponse<OutcomeResponse>> {
    const [items, total] = await this.outcomes.list(principal, id, query);
    return PageResponse.of(items.map(OutcomeResponse.of), total, query);
  }
}
