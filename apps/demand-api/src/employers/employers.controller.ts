import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@app/auth';
import { EmployerDirectory, EmployerInput, EmployersService } from '@app/employer-demand';
import { ApiErrorResponses, ApiPageResponse, PageQuery, PageResponse, ParseIdPipe } from '@app/http';
import { CreateEmployerRequest, SetAbnormalRequest, UpdateEmployerRequest } from './employer.request.dto';
import { EmployerResponse } from './employer.response.dto';

class EmployerListQuery extends PageQuery {
  @IsOptional() @Matches(/^\d{2,6}$/, { message: 'regionCode 应为行政区划代码（2–6 位数字）' })
  regionCode?: string;

  @IsOptional() @IsString() @MaxLength(64)
  q?: string;
}

@ApiTags('employers 用人单位')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('employers')
export class EmployersController {
  constructor(
    private readonly employers: EmployerDirectory,
    private readonly commands: EmployersService,
  ) {}

  @Get()
  @Roles('admin', 'officer', 'employer')
  @ApiOperation({ summary: 'Employers the caller may see: an officer sees paired enterprises, an employer its own' })
  @ApiPageResponse(EmployerResponse)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: EmployerListQuery): Promise<PageResponse<EmployerResponse>> {
    const [employers, total] = await this.employers.listVisible(principal, query);
    return PageResponse.of(employers.map(EmployerResponse.of), total, query);
  }

  @Get(':id')
  @Roles('admin', 'officer', 'employer')
  @ApiOperation({ summary: 'One employer (404 when outside the caller’s scope)' })
  @ApiOkResponse({ type: EmployerResponse })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<EmployerResponse> {
    return EmployerResponse.of(await this.employers.getVisible(principal, id));
  }

  @Post()
  @Roles('admin', 'officer')
  @ApiOperation({ summary: 'Register an employer; an officer who registers one is paired with it' })
  @ApiCreatedResponse({ type: EmployerResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateEmployerRequest): Promise<EmployerResponse> {
    return EmployerResponse.of(await this.commands.create(principal, toInput(body)));
  }

  @Patch(':id')
  @Roles('admin', 'officer', 'employer')
  @ApiOperation({ summary: 'Update an employer (the credit code never changes)' })
  @ApiOkResponse({ type: EmployerResponse })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: UpdateEmployerRequest) {
    return EmployerResponse.of(await this.commands.update(principal, id, body as Partial<EmployerInput>));
  }

  @Post(':id/abnormal')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Put an employer on, or take it off, the abnormal-entity list (异常名录)' })
  @ApiOkResponse({ type: EmployerResponse })
  async setAbnormal(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: SetAbnormalRequest) {
    return EmployerResponse.of(await this.commands.setAbnormal(principal, id, body.abnormal));
  }
}

function toInput(body: CreateEmployerRequest): EmployerInput {
  return { ...body, lat: body.lat ?? null, lng: body.lng ?? null, park: body.park ?? null, contactName: body.contactName ?? null, contactPhone: body.contactPhone ?? null };
}
