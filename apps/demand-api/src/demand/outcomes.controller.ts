import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { adminRegion, assertMayAssignRegion, CurrentPrincipal, Principal, Roles } from '@app/auth';
import { ApiErrorResponses, IsNotBelow } from '@app/http';
import { OutcomesReport, OutcomesReportService } from '@app/reporting';
import { IsRegionCode } from '@app/taxonomy';

/** A day, not a time. class-validator checks a property's decorators last to first: a non-date gets the ISO 8601 message. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

class OutcomesQuery {
  @ApiPropertyOptional({ example: '460100', description: 'a city covers its districts' }) @IsOptional() @IsRegionCode()
  region?: string;

  @ApiPropertyOptional({ example: '2025-07-01', description: 'on or after this day (Asia/Shanghai)' })
  @IsOptional() @Matches(DAY, { message: '$property must be a date, YYYY-MM-DD' }) @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2025-10-01', description: 'before this day (Asia/Shanghai); not before from' })
  @IsOptional() @Matches(DAY, { message: '$property must be a date, YYYY-MM-DD' }) @IsISO8601({ strict: true }) @IsNotBelow('from')
  to?: string;
}

class TimeToFillResponse {
  @ApiProperty({ description: 'shortages that first reached filled in the period' }) filled: number;
  @ApiProperty({ nullable: true, type: Number, example: 12.5, description: 'days from publication to filled' }) medianDays: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 30.2 }) p90Days: number | null;
}

class FillRateResponse {
  @ApiProperty({ description: 'shortages published in the period that did not expire (still recruiting, filled or closed)' }) shortages: number;
  @ApiProperty() headcount: number;
  @ApiProperty() filledHeadcount: number;
  @ApiProperty({ nullable: true, type: Number, example: 0.4375, description: 'filledHeadcount / headcount' }) rate: number | null;
  @ApiProperty({ description: 'shortages published in the period that expired: left out of the rate' }) expired: number;
}

class PriorityGroupHiresResponse {
  @ApiProperty({ example: 'college_graduate', description: 'priority group code, or none' }) group: string;
  @ApiProperty({ example: '高校毕业生' }) name: string;
  @ApiProperty() hires: number;
}

class HiresResponse {
  @ApiProperty({ description: 'applications that reached hired in the period' }) total: number;
  @ApiProperty({ type: [PriorityGroupHiresResponse], description: 'a seeker in several groups counts in each; groups only with the seeker’s consent' })
  byPriorityGroup: PriorityGroupHiresResponse[];
}

class EventsHeldResponse {
  @ApiProperty({ description: 'completed recruitment events whose day is in the period' }) held: number;
  @ApiProperty() attended: number;
  @ApiProperty({ description: 'hires recorded at those events' }) hires: number;
}

class OutcomesResponse {
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty({ nullable: true, type: String }) from: string | null;
  @ApiProperty({ nullable: true, type: String }) to: string | null;
  @ApiProperty() timeToFill: TimeToFillResponse;
  @ApiProperty() fillRate: FillRateResponse;
  @ApiProperty() hires: HiresResponse;
  @ApiProperty() events: EventsHeldResponse;
}

@ApiTags('demand 需求发布')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('demand')
export class DemandOutcomesController {
  constructor(private readonly outcomes: OutcomesReportService) {}

  @Get('outcomes')
  @Roles('admin', 'officer', 'station_staff')
  @ApiOkResponse({ type: OutcomesResponse })
  @ApiOperation({
    summary: 'Outcomes for a period and region: time to fill (median, p90 days), fill rate, hires by priority group, recruitment events held (counts only)',
  })
  async get(@CurrentPrincipal() principal: Principal, @Query() query: OutcomesQuery): Promise<OutcomesReport> {
    // A regional administrator's figures are their region's: by default, and never another region's (403).
    const region = adminRegion(principal);
    if (region && query.region) assertMayAssignRegion(principal, query.region);
    return this.outcomes.report(region && !query.region ? { ...query, region } : query);
  }
}
