import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@app/auth';
import { ReviewQueue, ShortageDirectory, ShortageInput, ShortageResponseService, ShortagesService } from '@app/employer-demand';
import { pickLanguage, renderMessage } from '@app/errors';
import { ApiErrorResponses, ApiPageResponse, PageQuery, PageResponse, ParseIdPipe } from '@app/http';
import {
  BulkSubmitRequest, CloseShortageRequest, CreateShortageRequest, ReviewDecisionRequest, ReviewQueueQuery, ShortageListQuery, SubmitShortageRequest, UpdateShortageRequest,
} from './shortage.request.dto';
import { BulkSubmitResponse, ReviewQueueItemResponse, ShortageResponse } from './shortage.response.dto';

const STAFF_AND_EMPLOYER = ['admin', 'officer', 'employer'] as const;

@ApiTags('shortages 缺工需求')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('shortages')
export class ShortagesController {
  constructor(
    private readonly shortages: ShortagesService,
    private readonly directory: ShortageDirectory,
    private readonly response: ShortageResponseService,
    private readonly reviews: ReviewQueue,
  ) {}

  @Get()
  @Roles(...STAFF_AND_EMPLOYER)
  @ApiOperation({ summary: 'Shortages in the caller’s scope, filtered, sorted and paginated' })
  @ApiPageResponse(ShortageResponse)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ShortageListQuery): Promise<PageResponse<ShortageResponse>> {
    const [items, total] = await this.directory.list(principal, query);
    return PageResponse.of(items.map((item) => ShortageResponse.of(item)), total, query);
  }

  @Get('overdue')
  @Roles('admin', 'officer')
  @ApiOperation({ summary: 'Shortages waiting for a first response longer than RESPONSE_OVERDUE_WORKING_DAYS (缺工响应超时)' })
  @ApiPageResponse(ShortageResponse)
  async overdue(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<PageResponse<ShortageResponse>> {
    const [items, total] = await this.response.overdue(principal, query);
    return PageResponse.of(items.map((item) => ShortageResponse.of(item)), total, query);
  }

  @Get('review-queue')
  @Roles('admin', 'officer')
  @ApiOperation({ summary: 'Postings held for review that the caller may decide (in scope, not logged by the caller), oldest first; by region, rule and age' })
  @ApiPageResponse(ReviewQueueItemResponse)
  async reviewQueue(@CurrentPrincipal() principal: Principal, @Query() query: ReviewQueueQuery): Promise<PageResponse<ReviewQueueItemResponse>> {
    const [items, total] = await this.reviews.list(principal, query);
    return PageResponse.of(items.map((item) => ReviewQueueItemResponse.of(item)), total, query);
  }

  @Get(':id')
  @Roles(...STAFF_AND_EMPLOYER)
  @ApiOperation({ summary: 'One shortage with its screen result and status history' })
  @ApiOkResponse({ type: ShortageResponse })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<ShortageResponse> {
    return this.withHistory(id, principal);
  }

  @Post()
  @Roles(...STAFF_AND_EMPLOYER)
  @ApiOperation({ summary: 'Log a shortage (draft); with submit=true it is screened and, if it passes, published' })
  @ApiCreatedResponse({ type: ShortageResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateShortageRequest): Promise<ShortageResponse> {
    const { submit, justification, townshipCode, ...fields } = body;
    const shortage = await this.shortages.create(principal, withDefaults(fields), { submit, justification, townshipCode });
    return this.withHistory(shortage.id, principal);
  }

  @Patch(':id')
  @Roles(...STAFF_AND_EMPLOYER)
  @ApiOperation({ summary: 'Edit a shortage; a published one is screened again' })
  @ApiOkResponse({ type: ShortageResponse })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: UpdateShortageRequest) {
    const { townshipCode, ...changes } = body;
    await this.shortages.update(principal, id, changes as Partial<ShortageInput>, { townshipCode });
    return this.withHistory(id, principal);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles(...STAFF_AND_EMPLOYER)
  @ApiOperation({ summary: 'Screen and publish: PASS publishes, WARN needs a justification, REVIEW waits for an officer, BLOCK returns to draft' })
  @ApiOkResponse({ type: ShortageResponse })
  async submit(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: SubmitShortageRequest) {
    await this.shortages.submit(principal, id, body);
    return this.withHistory(id, principal);
  }

  @Post('submit-many')
  @HttpCode(200)
  @Roles(...STAFF_AND_EMPLOYER)
  @ApiOperation({
    summary: 'Submit several drafts (e.g. imported rows) at once: each is screened as by /submit; the outcome of each, in the order given',
    description: 'A posting that cannot be submitted (not found or out of scope, not a draft, WARN findings without a justification) is reported in its row and leaves the others alone.',
  })
  @ApiOkResponse({ type: BulkSubmitResponse })
  async submitMany(
    @CurrentPrincipal() principal: Principal,
    @Body() body: BulkSubmitRequest,
    @Query('lang') lang: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<BulkSubmitResponse> {
    const language = pickLanguage(typeof lang === 'string' ? lang : acceptLanguage);
    const items = await this.shortages.submitMany(principal, body.ids, { justification: body.justification }, (error) => renderMessage(error.code, language, error.params));
    return BulkSubmitResponse.of(items);
  }

  @Post(':id/copy')
  @Roles(...STAFF_AND_EMPLOYER)
  @ApiOperation({ summary: 'Copy a posting (e.g. expired or closed) into a new draft: the same fields, dates moved ahead; status, hires and screening start afresh' })
  @ApiCreatedResponse({ type: ShortageResponse })
  async copy(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<ShortageResponse> {
    const copy = await this.shortages.copy(principal, id);
    return this.withHistory(copy.id, principal);
  }

  @Post(':id/review')
  @HttpCode(200)
  @Roles('admin', 'officer')
  @ApiOperation({ summary: 'Decide a posting held for review (approve publishes, reject closes, request_changes returns it to draft), with a reason; not by the one who logged it' })
  @ApiOkResponse({ type: ShortageResponse })
  async review(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: ReviewDecisionRequest) {
    await this.shortages.decideReview(principal, id, body.decision, body.reason);
    return this.withHistory(id, principal);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(...STAFF_AND_EMPLOYER)
  @ApiOperation({ summary: 'Close a shortage, with a reason' })
  @ApiOkResponse({ type: ShortageResponse })
  async close(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: CloseShortageRequest) {
    await this.shortages.close(principal, id, body.reason);
    return this.withHistory(id, principal);
  }

  private async withHistory(id: string, principal: Principal): Promise<ShortageResponse> {
    const shortage = await this.directory.get(principal, id);
    return ShortageResponse.of(shortage, await this.directory.transitions(id), await this.reviews.decisions(id));
  }
}

/** What an omitted optional field means. */
const SHORTAGE_DEFAULTS: Partial<ShortageInput> = {
  requiredSkills: [],
  preferredSkills: [],
  requiredCertificates: [],
  minSkillLevel: null,
  education: null,
  experienceYears: null,
  payBasis: 'monthly',
  shifts: null,
  lat: null,
  lng: null,
  trainingOffered: null,
  acceptsTrainees: false,
  urgency: 'normal',
  openToDisabled: false,
  policyDirection: null,
  externalRef: null,
};

function withDefaults(fields: Omit<CreateShortageRequest, 'submit' | 'justification' | 'townshipCode'>): ShortageInput {
  const given = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return { ...SHORTAGE_DEFAULTS, ...given } as ShortageInput;
}
