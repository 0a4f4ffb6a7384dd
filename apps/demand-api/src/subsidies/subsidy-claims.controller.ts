import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '@app/auth';
import { shanghaiDate } from '@app/clock';
import { ApiErrorResponses, ApiPageResponse, PageResponse, ParseIdPipe } from '@app/http';
import { ClaimsService, maskedLine, noticeWorkbook, SubsidyPaymentsService } from '@app/subsidies';
import { XLSX_CONTENT_TYPE, xlsxFile } from '../import-export/xlsx-file';
import {
  ClaimDetailResponse, ClaimListQuery, ClaimResponse, ConfirmClaimRequest, FileClaimRequest, NoticeLineResponse, NoticeListQuery, ReasonsRequest, RecheckResponse,
  ResolveRequest, ReviewRequest,
} from './subsidy-claims.dto';

const reasonsOf = (body: { reasonsZh?: string; reasonsEn?: string }) => (body.reasonsZh?.trim() ? { zh: body.reasonsZh.trim(), en: body.reasonsEn?.trim() || undefined } : null);

/**
 * Subsidy claims (issue 19): employers file claims and confirm the candidate claims the platform opened from their
 * hires (免申即享); officers file for walk-ins and do county review (初审); administrators do city review (复核),
 * settle objections and appeals and recover; the notice list (公示) exports to Excel. Claimants see their own claims
 * and decisions with reasons; officers and administrators those of their region.
 */
@ApiTags('subsidy-claims 补贴申领')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('subsidy-claims')
export class SubsidyClaimsController {
  constructor(
    private readonly claims: ClaimsService,
    private readonly payments: SubsidyPaymentsService,
  ) {}

  @Get()
  @Roles('seeker', 'employer', 'officer', 'admin')
  @ApiOperation({ summary: 'Claims the caller may see (own, or the region’s), with the latest decision and its checks; `queue` for a reviewer’s queue' })
  @ApiPageResponse(ClaimResponse)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ClaimListQuery): Promise<PageResponse<ClaimResponse>> {
    const [items, total] = await this.claims.list(principal, query);
    return PageResponse.of(items.map(ClaimResponse.of), total, query);
  }

  @Get('notice-list')
  @Roles('officer', 'admin')
  @ApiProduces('application/json', XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: 'The public notice list (公示名单) of the region: names and ID numbers masked; `?format=xlsx` for Excel' })
  @ApiOkResponse({ type: [NoticeLineResponse], description: 'JSON; with ?format=xlsx the same as an Excel workbook' })
  async noticeList(
    @CurrentPrincipal() principal: Principal,
    @Query() query: NoticeListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<NoticeLineResponse[] | StreamableFile> {
    const lines = (await this.claims.noticeList(principal)).map(maskedLine);
    if (query.format !== 'xlsx') return lines;
    reply.header('cache-control', 'no-store');
    const today = shanghaiDate();
    return xlsxFile(await noticeWorkbook(lines, `就业补贴拟发放名单公示（${today}）`), `补贴公示名单_${today}.xlsx`, `subsidy-notice-${today}.xlsx`);
  }

  @Post('recheck-candidates')
  @HttpCode(200)
  @Roles('officer', 'admin')
  @ApiOperation({ summary: 'Re-check the region’s candidate claims (免申即享) against the evidence; those ready are offered to their employers' })
  @ApiOkResponse({ type: RecheckResponse })
  async recheckCandidates(@CurrentPrincipal() principal: Principal): Promise<RecheckResponse> {
    return { offered: await this.claims.recheckCandidates(principal) };
  }

  @Post()
  @Roles('employer', 'officer', 'admin')
  @ApiOperation({ summary: 'File a G1 claim (draft): an employer for its hire, an officer for a walk-in employer' })
  @ApiCreatedResponse({ type: ClaimResponse })
  async file(@CurrentPrincipal() principal: Principal, @Body() body: FileClaimRequest): Promise<ClaimResponse> {
    const claim = await this.claims.file(principal, body);
    return ClaimResponse.of({ claim, decision: null, personIdMasked: null });
  }

  @Get(':id')
  @Roles('seeker', 'employer', 'officer', 'admin')
  @ApiOperation({ summary: 'A claim with its latest decision (checks, reasons), the evidence it rested on and its status history' })
  @ApiOkResponse({ type: ClaimDetailResponse })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<ClaimDetailResponse> {
    return ClaimDetailResponse.detail(await this.claims.detail(principal, id));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('employer', 'officer', 'admin')
  @ApiOperation({ summary: 'Submit a draft: the automatic checks run and the claim goes to county review' })
  @ApiOkResponse({ type: ClaimResponse })
  async submit(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<ClaimResponse> {
    return ClaimResponse.of(await this.claims.submit(principal, id));
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Roles('employer')
  @ApiOperation({ summary: 'Confirm a candidate claim the platform offered (免申即享), stating the contract; the checks run and it goes to county review' })
  @ApiOkResponse({ type: ClaimResponse })
  async confirm(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: ConfirmClaimRequest): Promise<ClaimResponse> {
    return ClaimResponse.of(await this.claims.confirm(principal, id, body));
  }

  @Post(':id/recheck')
  @HttpCode(200)
  @Roles('officer', 'admin')
  @ApiOperation({ summary: 'Run the rule again on the current evidence and record the decision' })
  @ApiOkResponse({ type: ClaimResponse })
  async recheck(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<ClaimResponse> {
    await this.claims.detail(principal, id);
    await this.claims.recheck(id);
    return ClaimResponse.of(await this.claims.detail(principal, id));
  }

  @Post(':id/review')
  @HttpCode(200)
  @Roles('officer', 'admin')
  @ApiOperation({
    summary: 'County review (初审: an officer or administrator of the region) or city review (复核: an administrator): pass, or refuse with reasons. ' +
      'The creator, the county reviewer and the city reviewer must be three different people (403 SUBSIDY_SAME_PERSON); a city pass starts the notice',
  })
  @ApiOkResponse({ type: ClaimResponse })
  async review(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: ReviewRequest): Promise<ClaimResponse> {
    const current = await this.claims.detail(principal, id);
    const event = body.decision === 'refuse' ? 'refuse' : current.claim.status === 'city_review' ? 'city_pass' : 'county_pass';
    await this.claims.act(principal, id, event, reasonsOf(body));
    return ClaimResponse.of(await this.claims.detail(principal, id));
  }

  @Post(':id/objection')
  @HttpCode(200)
  @Roles('officer', 'admin')
  @ApiOperation({ summary: 'Record an objection received during the public notice (异议), with its content' })
  @ApiOkResponse({ type: ClaimResponse })
  async object(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: ReasonsRequest): Promise<ClaimResponse> {
    await this.claims.act(principal, id, 'object', reasonsOf(body));
    return ClaimResponse.of(await this.claims.detail(principal, id));
  }

  @Post(':id/objection/decision')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Settle an objection after reinvestigation: uphold (refused, with reasons) or dismiss (the notice runs again)' })
  @ApiOkResponse({ type: ClaimResponse })
  async settleObjection(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: ResolveRequest): Promise<ClaimResponse> {
    await this.claims.act(principal, id, body.decision === 'uphold' ? 'uphold_objection' : 'dismiss_objection', reasonsOf(body));
    return ClaimResponse.of(await this.claims.detail(principal, id));
  }

  @Post(':id/appeal')
  @HttpCode(200)
  @Roles('seeker', 'employer', 'officer', 'admin')
  @ApiOperation({ summary: 'Appeal a refusal (申诉), with reasons' })
  @ApiOkResponse({ type: ClaimResponse })
  async appeal(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: ReasonsRequest): Promise<ClaimResponse> {
    await this.claims.act(principal, id, 'appeal', reasonsOf(body));
    return ClaimResponse.of(await this.claims.detail(principal, id));
  }

  @Post(':id/appeal/decision')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Decide an appeal: uphold (back to county review) or dismiss (the refusal stands, with reasons)' })
  @ApiOkResponse({ type: ClaimResponse })
  async decideAppeal(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: ResolveRequest): Promise<ClaimResponse> {
    await this.claims.act(principal, id, body.decision === 'uphold' ? 'reopen_appeal' : 'dismiss_appeal', reasonsOf(body));
    return ClaimResponse.of(await this.claims.detail(principal, id));
  }

  @Post(':id/recover')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Recover a paid subsidy (追回), with reasons: the claim is recovered and the fund ledger records what was paid as recovered' })
  @ApiOkResponse({ type: ClaimResponse })
  async recover(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: ReasonsRequest): Promise<ClaimResponse> {
    await this.payments.recover(principal, id, reasonsOf(body));
    return ClaimResponse.of(await this.claims.detail(principal, id));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('employer', 'officer', 'admin')
  @ApiOperation({ summary: 'Withdraw a draft or decline a candidate claim' })
  @ApiOkResponse({ type: ClaimResponse })
  async withdraw(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<ClaimResponse> {
    await this.claims.act(principal, id, 'withdraw');
    return ClaimResponse.of(await this.claims.detail(principal, id));
  }
}
