import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsLatitude, IsLongitude, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { SEARCH_FACETS, SearchFacet, SearchQuery } from '@app/search';
import { IsCertificateCode, IsOccupationCode, IsRegionCode } from '@app/taxonomy';

const list = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);
const WORK_TYPES = ['full_time', 'part_time', 'seasonal', 'gig'] as const;
const SORTS = ['relevance', 'distance', 'wage', '-wage', 'date', '-date'] as const;

/** Search parameters shared by job search and seeker search; lists are comma-separated. */
export class SearchRequest {
  @ApiPropertyOptional({ example: '养老护理员' }) @IsOptional() @IsString() @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: '4-10,2-05-08', description: 'occupation codes at any level' })
  @IsOptional() @Transform(list) @IsOccupationCode({ each: true })
  occupation?: string[];

  @ApiPropertyOptional({ example: '460100' }) @IsOptional() @Transform(list) @IsRegionCode({ each: true })
  region?: string[];

  @ApiPropertyOptional({ example: '生活照料,失智照护' }) @IsOptional() @Transform(list) @IsString({ each: true }) @MaxLength(32, { each: true })
  skills?: string[];

  @ApiPropertyOptional({ example: 'SKL-4-10-01-05' }) @IsOptional() @Transform(list) @IsCertificateCode({ each: true })
  certificates?: string[];

  @ApiPropertyOptional({ enum: WORK_TYPES, isArray: true }) @IsOptional() @Transform(list) @IsIn(WORK_TYPES, { each: true })
  workTypes?: string[];

  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  wageMin?: number;

  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  wageMax?: number;

  @ApiPropertyOptional({ description: 'with lng and radiusKm: only results within the radius' }) @IsOptional() @Type(() => Number) @IsLatitude()
  lat?: number;

  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsLongitude()
  lng?: number;

  @ApiPropertyOptional({ example: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  radiusKm?: number;

  @ApiPropertyOptional({ enum: SEARCH_FACETS, isArray: true }) @IsOptional() @Transform(list) @IsIn(SEARCH_FACETS, { each: true })
  facets?: SearchFacet[];

  @ApiPropertyOptional({ enum: SORTS, description: 'wage/date ascending, -wage/-date descending' }) @IsOptional() @IsIn(SORTS)
  sort?: (typeof SORTS)[number];

  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(10000)
  offset?: number;

  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit?: number;
}

export class SeekerSearchRequest extends SearchRequest {
  @ApiPropertyOptional({ example: 'college_graduate' }) @IsOptional() @Transform(list) @IsString({ each: true })
  priorityGroups?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(5)
  skillLevelMin?: number;
}

export function toSearchQuery(request: SearchRequest & Partial<SeekerSearchRequest>, near?: { lat: number; lng: number }): SearchQuery {
  const point = request.lat !== undefined && request.lng !== undefined ? { lat: request.lat, lng: request.lng } : near;
  const sort = request.sort;
  return {
    q: request.q,
    occupationCodes: request.occupation,
    regionCodes: request.region,
    skills: request.skills,
    certificates: request.certificates,
    workTypes: request.workTypes,
    priorityGroups: request.priorityGroups,
    skillLevelMin: request.skillLevelMin,
    wageMin: request.wageMin,
    wageMax: request.wageMax,
    near: point && request.radiusKm ? { ...point, radiusKm: request.radiusKm } : undefined,
    facets: request.facets,
    // `wage` ascending, `-wage` descending; relevance and distance have one natural order.
    sort: sort ? { by: sort.replace('-', '') as 'relevance' | 'distance' | 'wage' | 'date', order: sort.startsWith('-') ? 'desc' : 'asc' } : undefined,
    offset: request.offset,
    limit: request.limit,
  };
}
