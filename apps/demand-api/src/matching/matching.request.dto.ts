import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '@app/http';
import { IsOccupationCode, IsRegionCode } from '@app/taxonomy';

export class DismissCandidateRequest {
  @ApiProperty({ example: '已在其他单位就业', description: 'Why this candidate does not fit; kept, and the pair is left out of later runs' })
  @IsString() @MinLength(2) @MaxLength(500)
  reason: string;
}

export class TrainingNeedsQuery {
  @ApiPropertyOptional({ example: '460100' }) @IsOptional() @IsRegionCode()
  region?: string;

  @ApiPropertyOptional({ example: '4-10' }) @IsOptional() @IsOccupationCode()
  occupation?: string;
}

export class MatchRunListQuery extends PageQuery {}
