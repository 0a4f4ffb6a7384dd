import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { Public } from '@app/auth';
import { MatchViewsService, TrainingNeed } from '@app/matching';
import { DEMAND_DIMENSIONS, DemandDimension, DemandGroup, DemandSummary, DemandSummaryService, DemandTotals } from '@app/reporting';
import { IsOccupationCode, IsRegionCode } from '@app/taxonomy';
import { TrainingNeedsQuery } from '../matching/matching.request.dto';
import { POLICY_DIRECTIONS } from '../shortages/shortage.request.dto';
import { ApiErrorResponses } from '@app/http';

class DemandSummaryQuery {
  @ApiProperty({ enum: DEMAND_DIMENSIONS, enumName: 'DemandDimension' }) @IsIn(DEMAND_DIMENSIONS)
  by: DemandDimension;

  @ApiPropertyOptional({ description: 'occupation: 1–4; industry: 2–4' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(4)
  level?: number;

  @ApiPropertyOptional({ example: '460100' }) @IsOptional() @IsRegionCode()
  region?: string;

  @ApiPropertyOptional({ example: '4-10' }) @IsOptional() @IsOccupationCode()
  occupation?: string;

  @ApiPropertyOptional({ enum: POLICY_DIRECTIONS }) @IsOptional() @IsIn(POLICY_DIRECTIONS)
  direction?: string;

  @ApiPropertyOptional({ example: '2025-07-01', description: 'published on or after' }) @IsOptional() @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2025-10-01', description: 'published before' }) @IsOptional() @IsISO8601({ strict: true })
  to?: string;
}

export class DemandGroupResponse implements DemandGroup {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty() openPositions: number;
  @ApiProperty() shortages: number;
  @ApiProperty() employers: number;
  @ApiProperty({ type: Number, nullable: true }) medianMonthlyWage: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '求人倍率: open positions per registered seeker' }) demandSupplyRatio?: number | null;
  @ApiPropertyOptional() seekers?: number;
}

export class DemandTotalsResponse implements DemandTotals {
  @ApiProperty() openPositions: number;
  @ApiProperty() shortages: number;
  @ApiProperty() employers: number;
  @ApiProperty({ type: Number, nullable: true }) medianMonthlyWage: number | null;
  @ApiProperty({ description: 'registered seekers of the region asked for (the province when none), with or without open demand there' }) seekers: number;
  @ApiProperty({ type: Number, nullable: true, description: '求人倍率: openPositions / seekers' }) demandSupplyRatio: number | null;
}

export class DemandSummaryResponse {
  @ApiProperty({ enum: DEMAND_DIMENSIONS, enumName: 'DemandDimension' }) by: DemandDimension;
  @ApiProperty({ type: [DemandGroupResponse], description: 'by region: also every city or county with seekers and no open demand' }) groups: DemandGroupResponse[];
  @ApiProperty({ description: 'headline figures of the same filters, counted directly' }) totals: DemandTotalsResponse;
}

export class TrainingNeedResponse implements TrainingNeed {
  @ApiProperty() occupationCode: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ enum: ['skill', 'certificate'] }) kind: TrainingNeed['kind'];
  @ApiProperty() gap: string;
  @ApiProperty() seekers: number;
}

export class TrainingNeedList {
  @ApiProperty({ type: [TrainingNeedResponse] }) items: TrainingNeedResponse[];
}

@ApiTags('demand 需求发布')
@ApiErrorResponses()
@Controller('demand')
export class DemandController {
  constructor(
    private readonly summary: DemandSummaryService,
    private readonly matches: MatchViewsService,
  ) {}

  @Get('summary')
  @Public()
  @ApiOperation({ summary: 'Published open demand by occupation, industry, region, skill, certificate, training or policy direction, with 求人倍率' })
  @ApiOkResponse({ type: DemandSummaryResponse })
  async get(@Query() query: DemandSummaryQuery): Promise<{ by: DemandDimension } & DemandSummary> {
    const level = query.by === 'industry' ? Math.max(2, query.level ?? 2) : query.level;
    return { by: query.by, ...(await this.summary.summarize({ ...query, level })) };
  }

  @Get('training-needs')
  @Public()
  @ApiOperation({
    summary: 'Training demand (培训需求): skills and certificates that near-fit seekers lack, per occupation and region, from the latest match run',
  })
  @ApiOkResponse({ type: TrainingNeedList })
  async trainingNeeds(@Query() query: TrainingNeedsQuery): Promise<{ items: TrainingNeed[] }> {
    return { items: await this.matches.trainingNeeds({ regionCode: query.region, occupation: query.occupation, limit: 200 }) };
  }
}
