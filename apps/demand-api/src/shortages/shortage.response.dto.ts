import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Shortage, ShortageTransition, SHORTAGE_STATUSES, ShortageStatus, StoredScreenResult } from '@app/employer-demand';

export class ShortageTransitionResponse {
  @ApiPropertyOptional({ nullable: true, type: String }) fromStatus: string | null;
  @ApiProperty() toStatus: string;
  @ApiProperty() reason: string;
  @ApiPropertyOptional({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty() at: Date;

  static of({ fromStatus, toStatus, reason, actorId, at }: ShortageTransition): ShortageTransitionResponse {
    return Object.assign(new ShortageTransitionResponse(), { fromStatus, toStatus, reason, actorId, at });
  }
}

export class ShortageResponse {
  @ApiProperty() id: string;
  @ApiProperty() employerId: string;
  @ApiProperty() title: string;
  @ApiProperty() occupationCode: string;
  @ApiProperty() industryCode: string;
  @ApiProperty() headcount: number;
  @ApiProperty({ description: 'from recorded hires only' }) filledHeadcount: number;
  @ApiProperty() openPositions: number;
  @ApiProperty() requiredSkills: { name: string; level: number }[];
  @ApiProperty() preferredSkills: { name: string; level: number }[];
  @ApiProperty({ type: [String] }) requiredCertificates: string[];
  @ApiPropertyOptional({ nullable: true, type: Number }) minSkillLevel: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) education: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) experienceYears: number | null;
  @ApiProperty() wageMin: number;
  @ApiProperty() wageMax: number;
  @ApiProperty() payBasis: string;
  @ApiProperty() workType: string;
  @ApiPropertyOptional({ nullable: true, type: String }) shifts: string | null;
  @ApiProperty() regionCode: string;
  @ApiProperty() address: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) lat: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) lng: number | null;
  @ApiPropertyOptional({ nullable: true, enum: ['point', 'township', 'district', 'city'], description: 'how precisely lat/lng are known (WGS-84)' })
  locationPrecision: string | null;
  @ApiProperty() startDate: string;
  @ApiProperty() deadline: string;
  @ApiPropertyOptional({ nullable: true, type: String }) trainingOffered: string | null;
  @ApiProperty() acceptsTrainees: boolean;
  @ApiProperty() urgency: string;
  @ApiProperty() openToDisabled: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) policyDirection: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ enum: SHORTAGE_STATUSES }) status: ShortageStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) externalRef: string | null;
  @ApiPropertyOptional({ description: 'posting-screen verdict with rule codes, matched phrases and legal basis' }) screenResult: StoredScreenResult | null;
  @ApiPropertyOptional({ nullable: true, type: String }) screenJustification: string | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) publishedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) firstResponseAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'hours from logging to first response' }) responseHours: number | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiPropertyOptional({ type: [ShortageTransitionResponse] }) transitions?: ShortageTransitionResponse[];

  static of(shortage: Shortage, transitions?: ShortageTransition[]): ShortageResponse {
    const { employer: _employer, createdBy: _createdBy, ...fields } = shortage;
    return Object.assign(new ShortageResponse(), {
      ...fields,
      openPositions: Math.max(0, shortage.headcount - shortage.filledHeadcount),
      responseHours: shortage.firstResponseAt
        ? Math.round(((shortage.firstResponseAt.getTime() - shortage.createdAt.getTime()) / 3_600_000) * 10) / 10
        : null,
      transitions: transitions?.map(ShortageTransitionResponse.of),
    });
  }
}
