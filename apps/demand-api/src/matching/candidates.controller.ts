import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@app/auth';
import { ApiErrorResponses, PageQuery, ParseIdPipe } from '@app/http';
import { MatchDecisionsService, MatchViewsService } from '@app/matching';
import { DismissCandidateRequest } from './matching.request.dto';
import { CandidateDecisionResponse, CandidatePage } from './matching.response.dto';

@ApiTags('matching 人岗匹配')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('shortages/:id/candidates')
export class CandidatesController {
  constructor(
    private readonly views: MatchViewsService,
    private readonly decisions: MatchDecisionsService,
  ) {}

  @Get()
  @Roles('admin', 'officer', 'employer')
  @ApiOperation({
    summary: 'Ranked candidates with reasons (latest complete match version)',
    description:
      'Officers and admins see the shortlist and which candidates were sent; an employer sees the candidates an officer sent, names masked. ' +
      'An empty first page carries `emptyReason` (code, params, zh, en): matching_pending, shortage_not_open, location_missing, none_in_reach, none_eligible, all_taken, none_sent.',
  })
  @ApiOkResponse({ type: CandidatePage })
  async list(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Query() page: PageQuery) {
    const { runId, items, total, emptyReason } = await this.views.candidates(principal, id, page.offset, page.limit);
    return { runId, items, total, offset: page.offset, limit: page.limit, emptyReason };
  }

  @Post(':seekerId/send')
  @HttpCode(200)
  @Roles('admin', 'officer')
  @ApiOperation({ summary: 'Send a candidate to the employer (notifies the employer’s users)' })
  @ApiOkResponse({ type: CandidateDecisionResponse })
  async send(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Param('seekerId', ParseIdPipe) seekerId: string) {
    const { decision, decidedAt } = await this.decisions.send(principal, id, seekerId);
    return { shortageId: id, seekerId, decision, decidedAt };
  }

  @Post(':seekerId/dismiss')
  @HttpCode(200)
  @Roles('admin', 'officer')
  @ApiOperation({ summary: 'Dismiss a candidate with a reason; the pair is left out of later runs' })
  @ApiOkResponse({ type: CandidateDecisionResponse })
  async dismiss(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseIdPipe) id: string,
    @Param('seekerId', ParseIdPipe) seekerId: string,
    @Body() body: DismissCandidateRequest,
  ) {
    const { decision, reason, decidedAt } = await this.decisions.dismiss(principal, id, seekerId, body.reason);
    return { shortageId: id, seekerId, decision, reason, decidedAt };
  }
}
