import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, Public, Roles, TERMS_VERSION } from '@app/auth';
import { FieldCipher } from '@app/crypto';
import { AppError } from '@app/errors';
import { ApiErrorResponses, ParseIdPipe, RequestValidationError } from '@app/http';
import { PRIORITY_GROUPS, PriorityGroupCode, SeekerDirectory, SeekerProfileInput, SeekerProfilesService } from '@app/seeker-pool';
import { ConsentRequest, SeekerProfileRequest, SelfRegistrationRequest, UpdateSeekerProfileRequest } from './seeker.request.dto';
import { SeekerDataExportResponse, SeekerIdentifiersResponse, SeekerResponse } from './seeker.response.dto';

const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('seekers 求职者')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('seekers')
export class SeekersController {
  constructor(
    private readonly seekers: SeekerDirectory,
    private readonly profiles: SeekerProfilesService,
    private readonly cipher: FieldCipher,
  ) {}

  /**
   * Anonymous: an ID number that is already registered is refused like any other unusable field value
   * (400 VALIDATION_FAILED on residentId), never with "already registered", and attempts are throttled per
   * client address (shared through Redis, like sign-in). Staff registering a walk-in are told (409).
   */
  @Post('register')
  @Public()
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Register as a job seeker: a profile and a sign-in account' })
  @ApiCreatedResponse({ type: SeekerResponse })
  async register(@Body() body: SelfRegistrationRequest): Promise<SeekerResponse> {
    const { username, password, termsVersion, acceptTerms, ...profile } = body;
    // The form shows the privacy policy and terms of a version; agreeing to an older one is refused (the text changed).
    if (termsVersion !== undefined && termsVersion !== TERMS_VERSION) throw new AppError(HttpStatus.BAD_REQUEST, 'TERMS_VERSION_OUTDATED', { version: TERMS_VERSION });
    const agreed = termsVersion !== undefined && acceptTerms === true ? termsVersion : null;
    try {
      const { seeker, user } = await this.profiles.registerSelf(toProfileInput(profile), { username, password, termsVersion: agreed });
      return SeekerResponse.of(seeker, { userId: user.id, role: 'seeker', seekerId: seeker.id, employerId: null, regionCode: null }, this.cipher);
    } catch (error) {
      if (error instanceof AppError && error.code === 'SEEKER_ALREADY_REGISTERED') throw residentIdNotUsableOnline();
      throw error;
    }
  }

  @Post()
  @Roles('station_staff', 'officer', 'admin')
  @ApiOperation({ summary: 'Assisted registration of a walk-in seeker by staff (no account is created)' })
  @ApiCreatedResponse({ type: SeekerResponse })
  async registerAssisted(@CurrentPrincipal() principal: Principal, @Body() body: SeekerProfileRequest): Promise<SeekerResponse> {
    return SeekerResponse.of(await this.profiles.registerAssisted(principal, toProfileInput(body)), principal, this.cipher);
  }

  @Get('me')
  @Roles('seeker')
  @ApiOperation({ summary: 'My own profile' })
  @ApiOkResponse({ type: SeekerResponse })
  async me(@CurrentPrincipal() principal: Principal): Promise<SeekerResponse> {
    if (!principal.seekerId) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND');
    return SeekerResponse.of(await this.seekers.getVisible(principal, principal.seekerId), principal, this.cipher);
  }

  @Patch('me')
  @Roles('seeker')
  @ApiOperation({ summary: 'Edit my profile (the ID number cannot change; priority groups need re-verification)' })
  @ApiOkResponse({ type: SeekerResponse })
  async updateMe(@CurrentPrincipal() principal: Principal, @Body() body: UpdateSeekerProfileRequest): Promise<SeekerResponse> {
    return SeekerResponse.of(await this.profiles.updateOwn(principal, body as Partial<SeekerProfileInput>), principal, this.cipher);
  }

  @Put('me/consent')
  @Roles('seeker')
  @ApiOperation({ summary: 'Give or withdraw consent to use sensitive categories in matching' })
  @ApiOkResponse({ type: SeekerResponse })
  async consent(@CurrentPrincipal() principal: Principal, @Body() body: ConsentRequest): Promise<SeekerResponse> {
    return SeekerResponse.of(await this.profiles.setConsent(principal, body.consentSensitiveMatching), principal, this.cipher);
  }

  @Get('me/export')
  @Roles('seeker')
  @ApiOperation({ summary: 'Export everything the platform holds about me (JSON)' })
  @ApiOkResponse({ type: SeekerDataExportResponse, description: 'everything held about me: profile and applications (a data export)' })
  exportMe(@CurrentPrincipal() principal: Principal): Promise<SeekerDataExportResponse> {
    return this.profiles.exportOwn(principal);
  }

  @Get('me/export.xlsx')
  @Roles('seeker')
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: 'Export my data as an Excel workbook to read (Chinese headers; ID number and phone masked, as in every export)' })
  @ApiOkResponse({ description: 'the workbook', schema: { type: 'string', format: 'binary' } })
  async exportMeXlsx(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const file = await this.profiles.exportOwnWorkbook(principal);
    reply.header('cache-control', 'no-store');
    return new StreamableFile(file, {
      type: XLSX_CONTENT_TYPE,
      length: file.length,
      disposition: `attachment; filename="my-data.xlsx"; filename*=UTF-8''${encodeURIComponent('我的数据.xlsx')}`,
    });
  }

  /** POST so that every reveal writes an audit row (the audit log records mutating methods and refusals). */
  @Post('me/reveal')
  @HttpCode(200)
  @Roles('seeker')
  @ApiOperation({ summary: 'Show my full ID number and phone (masked everywhere else); each reveal is audited' })
  @ApiOkResponse({ type: SeekerIdentifiersResponse })
  async reveal(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<SeekerIdentifiersResponse> {
    reply.header('cache-control', 'no-store');
    return this.profiles.revealOwn(principal);
  }

  @Delete('me')
  @HttpCode(204)
  @Roles('seeker')
  @ApiOperation({ summary: 'Delete my account, profile and applications (the audit log stays, at least 180 days, without ID number or phone)' })
  @ApiNoContentResponse()
  async deleteMe(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.profiles.deleteOwn(principal);
  }

  @Get(':id')
  @Roles('admin', 'officer', 'seeker')
  @ApiOperation({ summary: 'One profile, ID and phone masked (404 when outside the caller’s scope)' })
  @ApiOkResponse({ type: SeekerResponse })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<SeekerResponse> {
    return SeekerResponse.of(await this.seekers.getVisible(principal, id), principal, this.cipher);
  }

  @Post(':id/priority-groups/:group/verify')
  @HttpCode(200)
  @Roles('admin', 'officer')
  @ApiOperation({ summary: 'Record that the evidence of a priority-group claim was checked' })
  @ApiOkResponse({ type: SeekerResponse })
  async verify(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Param('group') group: string) {
    if (!PRIORITY_GROUPS.includes(group as PriorityGroupCode)) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND');
    const seeker = await this.seekers.getVisible(principal, id);
    return SeekerResponse.of(await this.profiles.verifyPriorityGroup(principal, seeker, group as PriorityGroupCode), principal, this.cipher);
  }
}

/** The refusal an anonymous caller gets for an ID number that is taken: a field problem that does not say why. */
function residentIdNotUsableOnline(): RequestValidationError {
  return new RequestValidationError([
    { property: 'residentId', constraints: { isResidentId: '该身份证号码无法在线登记，请核对后重试，或携带身份证到就业服务站办理' }, children: [] },
  ]);
}

function toProfileInput(body: SeekerProfileRequest): SeekerProfileInput {
  return {
    name: body.name,
    residentId: body.residentId.toUpperCase(),
    phone: body.phone ?? null,
    regionCode: body.regionCode,
    address: body.address ?? '',
    lat: body.lat ?? null,
    lng: body.lng ?? null,
    townshipCode: body.townshipCode ?? null,
    travelRadiusKm: body.travelRadiusKm ?? 10,
    desiredOccupations: body.desiredOccupations ?? [],
    skills: body.skills ?? [],
    certificates: body.certificates ?? [],
    skillLevel: body.skillLevel ?? null,
    education: body.education ?? null,
    experience: body.experience ?? [],
    wageExpectation: body.wageExpectation ?? null,
    availableFrom: body.availableFrom ?? null,
    workTypes: body.workTypes ?? [],
    languages: body.languages ?? [],
    priorityGroups: body.priorityGroups ?? [],
    educationHistory: body.educationHistory ?? [],
    workHistory: body.workHistory ?? [],
    jobSeekingStatus: body.jobSeekingStatus ?? null,
    selfIntroduction: body.selfIntroduction ?? '',
    consentSensitiveMatching: body.consentSensitiveMatching ?? false,
  };
}
