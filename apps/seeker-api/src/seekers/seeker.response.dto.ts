import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldCipher } from '@app/crypto';
import { maskPhone, maskResidentId } from '@app/identifiers';
import { Principal } from '@app/auth';
import { Taxonomy } from '@app/taxonomy';
import { WORK_TYPES } from './seeker.request.dto';
import {
  APPLICATION_STATUSES, ApplicationStatus, ApplicationStep, JOB_SEEKING_STATUSES, JobSeekingStatus, PRIORITY_GROUPS, PriorityGroupClaim, PriorityGroupCode, Seeker,
  SeekerCertificate, SeekerEducationEntry, SeekerSkill, SeekerWorkEntry,
} from '@app/seeker-pool';
import { ApplicationStepResponse } from '../applications/application.response.dto';

export class SeekerSkillResponse implements SeekerSkill {
  @ApiProperty() name: string;
  @ApiProperty({ description: '1 (五级/初级工) to 5 (一级/高级技师)' }) level: number;
}

export class SeekerCertificateResponse implements SeekerCertificate {
  @ApiProperty() code: string;
  @ApiProperty() number: string;
  @ApiProperty() issuedOn: string;
}

export class PriorityGroupClaimResponse implements PriorityGroupClaim {
  @ApiProperty({ enum: PRIORITY_GROUPS, enumName: 'PriorityGroup' }) group: PriorityGroupCode;
  @ApiProperty() evidence: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'who checked the evidence' }) verifiedBy?: string | null;
  @ApiPropertyOptional() graduationDate?: string;
  @ApiPropertyOptional() school?: string;
}

export class EducationEntryResponse implements SeekerEducationEntry {
  @ApiProperty() school: string;
  @ApiPropertyOptional() major?: string;
  @ApiProperty() level: string;
  @ApiProperty({ example: '2014-09' }) from: string;
  @ApiPropertyOptional({ nullable: true, type: String }) to?: string | null;
}

export class WorkEntryResponse implements SeekerWorkEntry {
  @ApiProperty() employer: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ nullable: true, type: String }) occupationCode?: string | null;
  @ApiProperty({ example: '2018-03' }) from: string;
  @ApiPropertyOptional({ nullable: true, type: String }) to?: string | null;
  @ApiPropertyOptional() description?: string;
}

/** Her own ID number and phone in full (POST /seekers/me/reveal; every reveal is audited). */
export class SeekerIdentifiersResponse {
  @ApiProperty() residentId: string;
  @ApiPropertyOptional({ nullable: true, type: String }) phone: string | null;
}

/**
 * A seeker profile as the caller may see it. The ID number and phone are masked for everyone, the seeker too (she reveals them, audited);
 * priority groups are shown only to the seeker and to public-service staff. Birth date and gender are the seeker's
 * alone: beside a masked ID number (first 3 + last 4) they give back the full number (the birth date fills digits
 * 7–14, Hainan's few region codes and the checksum the rest), so no other role gets them.
 */
export class SeekerResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '460*********1234' }) residentId: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '138****5678' }) phone: string | null;
  @ApiPropertyOptional({ enum: ['male', 'female'], description: 'the seeker only' }) gender?: 'male' | 'female';
  @ApiPropertyOptional({ description: 'the seeker only' }) birthDate?: string;
  @ApiProperty() regionCode: string;
  @ApiPropertyOptional({ nullable: true, enum: ['point', 'township', 'district', 'city'], description: 'how precisely the home location is known (the coordinates are not shown)' })
  locationPrecision: string | null;
  @ApiProperty() travelRadiusKm: number;
  @ApiProperty({ type: [String] }) desiredOccupations: string[];
  @ApiProperty({ type: [String], description: 'names of desiredOccupations (2022 classification), same order, to show instead of the codes', example: ['中式烹调师'] })
  desiredOccupationNames: string[];
  @ApiProperty({ type: [SeekerSkillResponse] }) skills: SeekerSkill[];
  @ApiProperty({ type: [SeekerCertificateResponse] }) certificates: SeekerCertificate[];
  @ApiPropertyOptional({ nullable: true, type: Number }) skillLevel: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) wageExpectation: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) availableFrom: string | null;
  @ApiProperty({ enum: WORK_TYPES, isArray: true }) workTypes: string[];
  @ApiPropertyOptional({ type: [PriorityGroupClaimResponse], description: 'the seeker and public-service staff only' }) priorityGroups?: PriorityGroupClaim[];
  @ApiProperty() consentSensitiveMatching: boolean;
  @ApiProperty({ type: [EducationEntryResponse] }) educationHistory: SeekerEducationEntry[];
  @ApiProperty({ type: [WorkEntryResponse] }) workHistory: SeekerWorkEntry[];
  @ApiPropertyOptional({ nullable: true, enum: JOB_SEEKING_STATUSES, enumName: 'JobSeekingStatus' }) jobSeekingStatus: JobSeekingStatus | null;
  @ApiProperty() selfIntroduction: string;

  static of(seeker: Seeker, viewer: Principal, cipher: FieldCipher): SeekerResponse {
    const isSelf = viewer.role === 'seeker' && viewer.seekerId === seeker.id;
    const residentId = cipher.decrypt(seeker.residentIdEncrypted);
    const phone = seeker.phoneEncrypted ? cipher.decrypt(seeker.phoneEncrypted) : null;
    const mayKnowGroups = isSelf || viewer.role === 'admin' || viewer.role === 'officer' || viewer.role === 'station_staff';
    return Object.assign(new SeekerResponse(), {
      id: seeker.id,
      name: seeker.name,
      // Masked for her too (a screen others may see); POST /seekers/me/reveal gives her the full values, audited.
      residentId: maskResidentId(residentId),
      phone: phone && maskPhone(phone),
      ...(isSelf ? { gender: seeker.gender, birthDate: seeker.birthDate } : {}),
      regionCode: seeker.regionCode,
      locationPrecision: seeker.locationPrecision,
      travelRadiusKm: seeker.travelRadiusKm,
      desiredOccupations: seeker.desiredOccupations,
      desiredOccupationNames: seeker.desiredOccupations.map((code) => Taxonomy.shared().occupation(code)?.name ?? code),
      skills: seeker.skills,
      certificates: seeker.certificates,
      skillLevel: seeker.skillLevel,
      wageExpectation: seeker.wageExpectation,
      availableFrom: seeker.availableFrom,
      workTypes: seeker.workTypes,
      priorityGroups: mayKnowGroups ? seeker.priorityGroups : undefined,
      consentSensitiveMatching: seeker.consentSensitiveMatching,
      educationHistory: seeker.educationHistory ?? [],
      workHistory: seeker.workHistory ?? [],
      jobSeekingStatus: seeker.jobSeekingStatus ?? null,
      selfIntroduction: seeker.selfIntroduction ?? '',
    });
  }
}

/** One of my applications as my data export holds it. */
export class ExportedApplicationResponse {
  @ApiProperty() id: string;
  @ApiProperty() shortageId: string;
  @ApiProperty({ enum: APPLICATION_STATUSES, enumName: 'ApplicationStatus' }) status: ApplicationStatus;
  @ApiProperty({ type: [ApplicationStepResponse] }) history: ApplicationStep[];
  @ApiProperty() contactShared: boolean;
  @ApiProperty() createdAt: Date;
}

/** Everything the platform holds about me (GET /seekers/me/export). */
export class SeekerDataExportResponse {
  @ApiProperty() exportedAt: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'every stored field of my profile, the ID number and phone in clear' })
  profile: Record<string, unknown>;
  @ApiProperty({ type: [ExportedApplicationResponse] }) applications: ExportedApplicationResponse[];
}
