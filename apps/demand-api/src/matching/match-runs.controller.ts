import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { CurrentPrincipal, isProvinceAdmin, Principal, Roles } from '@app/auth';
import { AppError } from '@app/errors';
import { ApiErrorResponses, ApiPageResponse, PageResponse, ParseIdPipe } from '@app/http';
import { MatchRunProgress, MatchRunsService } from '@app/matching';
import { MatchRunListQuery } from './matching.request.dto';
import { MatchRunResponse } from './matching.response.dto';

@ApiTags('matching 人岗匹配')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('matching/runs')
export class MatchRunsController {
  constructor(
    private readonly runs: MatchRunsService,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  @Post()
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({ summary: 'Start a full re-match (a run already in progress is returned instead; province administrator only); follow it at GET /api/matching/runs/:id' })
  @ApiAcceptedResponse({ type: MatchRunResponse })
  async start(@CurrentPrincipal() principal: Principal): Promise<MatchRunProgress> {
    // A full re-match touches every region's shortages and seekers: the province administrator's call alone.
    if (!isProvinceAdmin(principal)) throw new AppError(HttpStatus.FORBIDDEN, 'PROVINCE_ADMIN_ONLY');
    const run = await this.runs.request('admin', principal.userId, this.txHost.tx);
    return this.runs.progress(run.id, this.txHost.tx);
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Match runs, newest first, with progress (shards done of total)' })
  @ApiPageResponse(MatchRunResponse)
  async list(@Query() query: MatchRunListQuery): Promise<PageResponse<MatchRunProgress>> {
    const [items, total] = await this.runs.list(query.offset, query.limit);
    return PageResponse.of(items, total, query);
  }

  @Get(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'One run with its progress' })
  @ApiOkResponse({ type: MatchRunResponse })
  progress(@Param('id', ParseIdPipe) id: string): Promise<MatchRunProgress> {
    return this.runs.progress(id);
  }
}
