import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@app/auth';
import { AppError } from '@app/errors';
import { ApiErrorResponses, PageQuery, ParseIdPipe } from '@app/http';
import { MatchDecisionsService, MatchViewsService } from '@app/matching';
import { NotInterestedResponse, RecommendationPage, ReferralList } from '../../../demand-api/src/matching/matching.response.dto';

class NotInterestedRequest {
  @ApiPropertyOptional({ example: '通勤太远' }) @IsOptional() @IsString() @MaxLength(500)
  reason?: string;
}

@ApiTags('recommendations 岗位推荐')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('seekers/me')
export class RecommendationsController {
  constructor(
    private readonly views: MatchViewsService,
    private readonly decisions: MatchDecisionsService,
  ) {}

  @Get('recommendations')
  @Roles('seeker')
  @ApiOperation({
    summary: 'Jobs recommended to me, best first, with reasons and gaps (latest complete match version)',
    description: 'An empty first page carries `emptyReason` (code, params, zh, en): matching_pending, location_missing, none_in_reach, none_eligible, all_taken.',
  })
  @ApiOkResponse({ type: RecommendationPage })
  async recommendations(@CurrentPrincipal() principal: Principal, @Query() page: PageQuery) {
    const { runId, items, total, emptyReason } = await this.views.recommendations(seekerOf(principal), page.offset, page.limit);
    return { runId, items, total, offset: page.offset, limit: page.limit, emptyReason };
  }

  @Get('training-referrals')
  @Roles('seeker')
  @ApiOperation({ summary: 'Jobs I nearly fit, with the skills or certificates training would add (培训推荐)' })
  @ApiOkResponse({ type: ReferralList })
  async referrals(@CurrentPrincipal() principal: Principal) {
    return { items: await this.views.referrals(seekerOf(principal)) };
  }

  @Post('recommendations/:shortageId/not-interested')
  @HttpCode(200)
  @Roles('seeker')
  @ApiOperation({ summary: 'Not interested: the job leaves my recommendations and is not recommended again' })
  @ApiOkResponse({ type: NotInterestedResponse })
  async notInterested(@CurrentPrincipal() principal: Principal, @Param('shortageId', ParseIdPipe) shortageId: string, @Body() body: NotInterestedRequest) {
    const { decision, decidedAt } = await this.decisions.notInterested(principal, shortageId, body.reason ?? null);
    return { shortageId, decision, decidedAt };
  }
}

function seekerOf(principal: Principal): string {
  if (!principal.seekerId) throw new AppError(HttpStatus.FORBIDDEN, 'FORBIDDEN');
  return principal.seekerId;
}
