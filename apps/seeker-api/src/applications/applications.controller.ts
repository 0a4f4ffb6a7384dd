import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@app/auth';
import { FieldCipher } from '@app/crypto';
import { ApiErrorResponses, ApiPageResponse, PageQuery, PageResponse, ParseIdPipe } from '@app/http';
import { APPLICATION_STATUSES, ApplicationStatus, ApplicationsService } from '@app/seeker-pool';
import { ApplicationResponse } from './application.response.dto';

class ApplyRequest {
  @ApiProperty() @IsUUID()
  shortageId: string;
}

class MoveApplicationRequest {
  @ApiProperty({ enum: APPLICATION_STATUSES }) @IsIn(APPLICATION_STATUSES)
  status: ApplicationStatus;

  @ApiPropertyOptional({ example: '面试时间：周三上午 9 点' }) @IsOptional() @IsString() @MaxLength(500)
  note?: string;
}

class ApplicationListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID()
  shortageId?: string;

  @ApiPropertyOptional({ enum: APPLICATION_STATUSES }) @IsOptional() @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;
}

const EMPLOYER_SIDE = ['admin', 'officer', 'employer'] as const;

@ApiTags('applications 投递')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly cipher: FieldCipher,
  ) {}

  @Post()
  @Roles('seeker')
  @ApiOperation({ summary: 'Apply to an open shortage; applying again returns the existing application (200)' })
  @ApiCreatedResponse({ type: ApplicationResponse })
  async apply(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ApplyRequest,
    @Res({ passthrough: true }) reply: { status(code: number): unknown },
  ): Promise<ApplicationResponse> {
    const { application, created } = await this.applications.apply(principal, body.shortageId);
    if (!created) reply.status(200);
    return ApplicationResponse.of(await this.applications.get(principal, application.id), principal, this.cipher);
  }

  @Get()
  @Roles('seeker', ...EMPLOYER_SIDE)
  @ApiOperation({ summary: 'My applications (seekers), or applications to shortages in scope (employer side)' })
  @ApiPageResponse(ApplicationResponse)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ApplicationListQuery): Promise<PageResponse<ApplicationResponse>> {
    const [items, total] = await this.applications.list(principal, query);
    return PageResponse.of(items.map((item) => ApplicationResponse.of(item, principal, this.cipher)), total, query);
  }

  @Get(':id')
  @Roles('seeker', ...EMPLOYER_SIDE)
  @ApiOperation({ summary: 'One application with its history' })
  @ApiOkResponse({ type: ApplicationResponse })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<ApplicationResponse> {
    return ApplicationResponse.of(await this.applications.get(principal, id), principal, this.cipher);
  }

  @Post(':id/status')
  @HttpCode(200)
  @Roles('seeker', ...EMPLOYER_SIDE)
  @ApiOperation({ summary: 'Move an application: viewed, interview, offer, hired, rejected (employer side); withdrawn (seeker)' })
  @ApiOkResponse({ type: ApplicationResponse })
  async move(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: MoveApplicationRequest) {
    await this.applications.move(principal, id, body.status, body.note);
    return ApplicationResponse.of(await this.applications.get(principal, id), principal, this.cipher);
  }

  @Post(':id/share-contact')
  @HttpCode(200)
  @Roles('seeker')
  @ApiOperation({ summary: 'Let the employer see my phone number for this application' })
  @ApiOkResponse({ type: ApplicationResponse })
  async shareContact(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<ApplicationResponse> {
    await this.applications.shareContact(principal, id);
    return ApplicationResponse.of(await this.applications.get(principal, id), principal, this.cipher);
  }
}
