import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Employer, Ownership, OWNERSHIPS, SIZE_CLASSES, SizeClass } from '@app/employer-demand';

export class EmployerResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: '海南椰风养老服务有限公司' }) name: string;
  @ApiProperty({ description: '统一社会信用代码' }) creditCode: string;
  @ApiProperty({ description: 'GB/T 4754-2017 code' }) industryCode: string;
  @ApiProperty({ enum: SIZE_CLASSES }) sizeClass: SizeClass;
  @ApiProperty({ enum: OWNERSHIPS }) ownership: Ownership;
  @ApiProperty({ example: '460100' }) regionCode: string;
  @ApiProperty() address: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) lat: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) lng: number | null;
  @ApiPropertyOptional({ enum: ['point', 'township', 'district', 'city'], nullable: true, type: String, description: 'point: coordinates given; else geocoded from the address' })
  locationPrecision: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) park: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) contactName: string | null;
  @ApiProperty({ description: 'on the abnormal-entity list (may not post)' }) abnormal: boolean;
  @ApiProperty({ description: 'postings the screen has blocked' }) blockedPostings: number;
  @ApiProperty({ description: 'an SMS to the contact phone on each new application' }) smsOnApplication: boolean;

  static of(employer: Employer): EmployerResponse {
    const { id, name, creditCode, industryCode, sizeClass, ownership, regionCode, address, lat, lng, locationPrecision, park, contactName, abnormal, blockedPostings, smsOnApplication } = employer;
    return Object.assign(new EmployerResponse(), {
      id, name, creditCode, industryCode, sizeClass, ownership, regionCode, address, lat, lng, locationPrecision, park, contactName, abnormal, blockedPostings, smsOnApplication,
    });
  }
}
