import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@app/auth';
import { EmployerDirectory } from '@app/employer-demand';
import { PageQuery, PageResponse, ParseIdPipe } from '@app/http';
import { EmployerResponse } from './employer.response.dto';

class EmployerListQuery extends PageQuery {
  @IsOptional() @Matches(/^\d{2,6}$/, { message: 'regionCode 应为行政区划代码（2–6 位数字）' })
  regionCode?: string;

  @IsOptional() @IsString() @MaxLength(64)
  q?: string;
}

@ApiTags('employers 用人单位')
@ApiBearerAuth()
@Controller('employers')
export class EmployersController {
  constructor(private readonly employers: EmployerDirectory) {}

  @Get()
  @Roles('admin', 'officer', 'employer')
  @ApiOperation({ summary: 'Employers the caller may see: an officer sees paired enterprises, an employer its own' })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: EmployerListQuery): Promise<PageResponse<EmployerResponse>> {
    const [employers, total] = await this.employers.listVisible(principal, query);
    return PageResponse.of(employers.map(EmployerResponse.of), total, query);
  }

  @Get(':id')
  @Roles('admin', 'officer', 'employer')
  @ApiOperation({ summary: 'One employer (404 when outside the caller’s scope)' })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<EmployerResponse> {
    return EmployerResponse.of(await this.employers.getVisible(principal, id));
  }
}
