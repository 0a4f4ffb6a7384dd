import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Public, Roles } from '@app/auth';
import { describeLocation, LocationResolver } from '@app/geocoding';
import { Taxonomy } from '@app/taxonomy';
import { ApiErrorResponses } from '@app/http';

export class GeocodeQuery {
  @ApiPropertyOptional({ example: '海口市秀英区长流镇长德大道 8 号' }) @IsOptional() @IsString() @MaxLength(200)
  address?: string;

  @ApiPropertyOptional({ example: '460105', description: 'the record’s region: the address is read within it' })
  @IsOptional() @Matches(/^46\d{4}(\d{3})?$/, { message: '地区编码应为海南的 6 位区划代码' })
  regionCode?: string;

  @ApiPropertyOptional({ example: '460105100', description: 'a township picked to correct the geocoded address' })
  @IsOptional() @Matches(/^46\d{7}$/, { message: '乡镇编码应为 9 位统计用区划代码' })
  townshipCode?: string;
}

export class TownshipQuery {
  @ApiProperty({ example: '460105' }) @Matches(/^46\d{4}(\d{3})?$/, { message: '地区编码应为海南的 6 位区划代码' })
  regionCode: string;
}

export class GeocodeResponse {
  @ApiPropertyOptional({ nullable: true, type: Number }) lat: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) lng: number | null;
  @ApiPropertyOptional({ enum: ['point', 'township', 'district', 'city'], nullable: true }) precision: string | null;
  @ApiProperty({ enum: ['given', 'township', 'address', 'region', 'none'] }) basis: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '海口市秀英区长流镇' }) label: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) townshipCode: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) townshipName: string | null;
  @ApiProperty({ example: '定位到：海口市秀英区长流镇（区县级）' }) message: string;
}

export class TownshipResponse {
  @ApiProperty({ example: '460105100' }) code: string;
  @ApiProperty({ example: '长流镇' }) name: string;
  @ApiProperty({ example: '460105' }) countyCode: string;
}

export class TownshipList {
  @ApiProperty({ type: [TownshipResponse] }) items: TownshipResponse[];
}

/**
 * Where an address is, as a form shows it while the user types: the same decision the save will make
 * (coordinates > picked township > address within the region > the region's point).
 */
@ApiTags('geocode 地址定位')
@ApiErrorResponses()
@Controller('geocode')
export class GeocodeController {
  constructor(
    private readonly locations: LocationResolver,
    private readonly taxonomy: Taxonomy,
  ) {}

  @Get()
  @ApiBearerAuth()
  @Roles('admin', 'officer', 'station_staff', 'employer', 'seeker')
  @ApiOperation({ summary: 'Locate an address (within a region, or at a picked township): WGS-84 point, precision and a label' })
  @ApiOkResponse({ type: GeocodeResponse })
  async geocode(@Query() query: GeocodeQuery): Promise<GeocodeResponse> {
    const found = await this.locations.resolve(query);
    const { lat, lng, locationPrecision: precision, basis, label, townshipCode, townshipName } = found;
    return { lat, lng, precision, basis, label, townshipCode, townshipName, message: describeLocation(found) };
  }

  @Get('townships')
  @Public()
  @ApiOperation({ summary: 'The townships (镇/乡/街道/农场/开发区) of a region, to pick one (NBS 2023 codes)' })
  @ApiOkResponse({ type: TownshipList })
  townships(@Query() query: TownshipQuery): { items: { code: string; name: string; countyCode: string }[] } {
    return {
      items: this.taxonomy
        .townships(query.regionCode)
        .filter((t) => !t.name.endsWith('直辖村级区划'))
        .map(({ code, name, countyCode }) => ({ code, name: name.replace(/[（(）)]/g, ''), countyCode })),
    };
  }
}
