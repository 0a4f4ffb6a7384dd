import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { Roles } from '@app/auth';
import { minimumMonthlyWage, screenPosting, ScreenResult } from '@app/posting-screen';
import { IsOccupationCode, IsRegionCode } from '@app/taxonomy';
import { ScreenResultResponse } from '../shortages/shortage.response.dto';
import { ApiErrorResponses } from '@app/http';

class ScreenRequest {
  @ApiPropertyOptional({ example: '养老护理员' }) @IsOptional() @IsString() @MaxLength(200)
  title?: string;

  @ApiProperty({ example: '限男性，35岁以下，入职交押金200元。' }) @IsString() @MaxLength(10000)
  description: string;

  @ApiPropertyOptional({ example: '4-10-01-05' }) @IsOptional() @IsOccupationCode()
  occupationCode?: string;

  @ApiPropertyOptional({ example: '460100', description: 'to check pay against the county minimum wage' }) @IsOptional() @IsRegionCode()
  regionCode?: string;

  @ApiPropertyOptional({ example: 1800, description: 'lowest monthly pay offered' }) @IsOptional() @IsInt() @Min(0)
  monthlyWageMin?: number;
}

@ApiTags('screen 招聘信息审核')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('screen')
export class ScreenController {
  @Post()
  @HttpCode(200)
  @Roles('admin', 'officer', 'employer', 'station_staff')
  @ApiOperation({ summary: 'Check a posting text against the discrimination and fraud rules without saving it' })
  @ApiOkResponse({ type: ScreenResultResponse })
  screen(@Body() body: ScreenRequest): ScreenResult {
    return screenPosting(
      { title: body.title ?? '', description: body.description },
      {
        occupationCode: body.occupationCode,
        monthlyWageMin: body.monthlyWageMin,
        minimumWage: body.regionCode ? minimumMonthlyWage(body.regionCode, new Date()) : undefined,
      },
    );
  }
}
