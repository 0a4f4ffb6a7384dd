import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { CurrentPrincipal, Principal, Roles, UsersService } from '@app/auth';
import { OfficerWorkload, Pairing, PairingsService, ShortageResponseService } from '@app/employer-demand';
import { ApiErrorResponses, ApiPageResponse, PageQuery, PageResponse, ParseIdPipe } from '@app/http';

class PairingListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID()
  officerId?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  employerId?: string;

  @ApiPropertyOptional({ description: 'include ended pairings (the history)' })
  @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean()
  includeEnded?: boolean;
}

class CreatePairingRequest {
  @ApiProperty() @IsUUID()
  officerId: string;

  @ApiProperty() @IsUUID()
  employerId: string;
}

class WorkloadQuery {
  @ApiPropertyOptional({ description: 'admins: whose workload; officers see their own' }) @IsOptional() @IsUUID()
  officerId?: string;
}

export class PairingResponse {
  @ApiProperty() id: string;
  @ApiProperty() officerId: string;
  @ApiProperty() employerId: string;
  @ApiProperty() startedAt: Date;
  @ApiPropertyOptional({ nullable: true, type: Date }) endedAt: Date | null;

  static of({ id, officerId, employerId, startedAt, endedAt }: Pairing): PairingResponse {
    return Object.assign(new PairingResponse(), { id, officerId, employerId, startedAt, endedAt });
  }
}

export class OfficerWorkloadResponse implements OfficerWorkload {
  @ApiProperty() officerId: string;
  @ApiProperty() pairedEmployers: number;
  @ApiProperty() openShortages: number;
  @ApiProperty() awaitingFirstResponse: number;
  @ApiProperty() overdue: number;
  @ApiProperty({ type: Number, nullable: true, description: 'median hours from logging to first response' }) medianResponseHours: number | null;
  @ApiProperty() respondedShortages: number;
}

@ApiTags('pairings 用工结对')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('pairings')
export class PairingsController {
  constructor(
    private readonly pairings: PairingsService,
    private readonly response: ShortageResponseService,
    private readonly users: UsersService,
  ) {}

  @Get()
  @Roles('admin', 'officer')
  @ApiOperation({ summary: 'Pairings in force (or the whole history); an officer sees their own' })
  @ApiPageResponse(PairingResponse)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: PairingListQuery): Promise<PageResponse<PairingResponse>> {
    const [items, total] = await this.pairings.list(principal, query);
    return PageResponse.of(items.map(PairingResponse.of), total, query);
  }

  @Get('workload')
  @Roles('admin', 'officer')
  @ApiOperation({ summary: 'An officer’s workload: paired enterprises, open shortages, awaiting first response, overdue, median response time' })
  @ApiOkResponse({ type: OfficerWorkloadResponse })
  async workload(@CurrentPrincipal() principal: Principal, @Query() query: WorkloadQuery): Promise<OfficerWorkload> {
    const officerId = principal.role === 'officer' ? principal.userId : (query.officerId ?? principal.userId);
    // An administrator reads the workload of officers in their region only; another officer answers 404.
    if (officerId !== principal.userId) await this.users.getVisible(principal, officerId);
    return this.response.workload(officerId);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Pair an officer with an enterprise' })
  @ApiCreatedResponse({ type: PairingResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreatePairingRequest): Promise<PairingResponse> {
    return PairingResponse.of(await this.pairings.pair(principal, body.officerId, body.employerId));
  }

  @Post(':id/end')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'End a pairing (kept in the history)' })
  @ApiOkResponse({ type: PairingResponse })
  async end(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<PairingResponse> {
    return PairingResponse.of(await this.pairings.end(principal, id));
  }
}
