import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsLatitude, IsLongitude, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { OWNERSHIPS, Ownership, SIZE_CLASSES, SizeClass } from '@app/employer-demand';
import { IsCreditCode, IsMobileNumber } from '@app/identifiers';
import { IsIndustryCode, IsRegionCode } from '@app/taxonomy';

export const KEY_PARKS = ['洋浦经济开发区', '江东新区', '崖州湾科技城', '博鳌乐城国际医疗旅游先行区', '文昌国际航天城'] as const;

export class CreateEmployerRequest {
  @ApiProperty({ example: '海南椰风养老服务有限公司' }) @IsString() @MinLength(2) @MaxLength(100)
  name: string;

  @ApiProperty({ example: '91460100MA5T0A1B2C', description: '统一社会信用代码 (GB 32100 checksum)' }) @IsCreditCode()
  creditCode: string;

  @ApiProperty({ example: '8514' }) @IsIndustryCode()
  industryCode: string;

  @ApiProperty({ enum: SIZE_CLASSES }) @IsIn(SIZE_CLASSES)
  sizeClass: SizeClass;

  @ApiProperty({ enum: OWNERSHIPS }) @IsIn(OWNERSHIPS)
  ownership: Ownership;

  @ApiProperty({ example: '460106' }) @IsRegionCode()
  regionCode: string;

  @ApiProperty() @IsString() @MinLength(4) @MaxLength(200)
  address: string;

  @ApiPropertyOptional() @IsOptional() @IsLatitude()
  lat?: number;

  @ApiPropertyOptional() @IsOptional() @IsLongitude()
  lng?: number;

  @ApiPropertyOptional({ enum: KEY_PARKS }) @IsOptional() @IsIn(KEY_PARKS)
  park?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32)
  contactName?: string;

  @ApiPropertyOptional({ description: 'stored encrypted' }) @IsOptional() @IsMobileNumber()
  contactPhone?: string;

  @ApiPropertyOptional({ description: 'also send an SMS to the contact phone on each new application (in-app notices are always sent)', default: false })
  @IsOptional() @IsBoolean()
  smsOnApplication?: boolean;
}

export class UpdateEmployerRequest extends PartialType(OmitType(CreateEmployerRequest, ['creditCode'] as const)) {}

export class SetAbnormalRequest {
  @ApiProperty({ description: 'on the abnormal-entity list (may not post)' }) @IsBoolean()
  abnormal: boolean;
}
