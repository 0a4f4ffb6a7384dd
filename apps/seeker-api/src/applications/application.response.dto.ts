import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Principal } from '@app/auth';
import { FieldCipher } from '@app/crypto';
import { isLive } from '@app/employer-demand';
import { maskPhone } from '@app/identifiers';
import { Application, APPLICATION_STATUSES, ApplicationStatus, ApplicationStep } from '@app/seeker-pool';

export class ApplicationStepResponse implements ApplicationStep {
  @ApiProperty({ enum: APPLICATION_STATUSES, enumName: 'ApplicationStatus' }) status: ApplicationStatus;
  @ApiProperty() at: string;
  @ApiProperty({ type: String, nullable: true }) actorId: string | null;
  @ApiPropertyOptional() note?: string;
}

export class ApplicantSkillResponse {
  @ApiProperty() name: string;
  @ApiProperty() level: number;
}

export class ApplicantExperienceResponse {
  @ApiProperty() occupationCode: string;
  @ApiProperty() years: number;
}

export class ApplicantSummary {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'masked until the seeker shares contact details' }) phone: string | null;
  @ApiProperty({ type: [ApplicantSkillResponse] }) skills: { name: string; level: number }[];
  @ApiProperty({ type: [String] }) certificates: string[];
  @ApiPropertyOptional({ nullable: true, type: Number }) skillLevel: number | null;
  @ApiProperty({ description: 'home region (no address)' }) regionCode: string;
  @ApiPropertyOptional({ nullable: true, type: String }) education: string | null;
  @ApiProperty({ type: [ApplicantExperienceResponse] }) experience: ApplicantExperienceResponse[];
  @ApiProperty({ type: [String] }) desiredOccupations: string[];
  @ApiProperty({ type: [String] }) workTypes: string[];
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'monthly, yuan' }) wageExpectation: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) availableFrom: string | null;
}

export class ApplicationResponse {
  @ApiProperty() id: string;
  @ApiProperty() shortageId: string;
  @ApiProperty() shortageTitle: string;
  @ApiProperty() employerId: string;
  @ApiProperty() employerName: string;
  @ApiProperty({ description: 'the posting’s wage range (of its pay basis)' }) wageMin: number;
  @ApiProperty() wageMax: number;
  @ApiProperty({ enum: ['monthly', 'hourly', 'piece'], enumName: 'PayBasis' }) payBasis: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ description: 'whether the job page is still public (the posting is open or partially filled)' }) shortageOpen: boolean;
  @ApiProperty({ enum: APPLICATION_STATUSES, enumName: 'ApplicationStatus' }) status: ApplicationStatus;
  @ApiProperty() contactShared: boolean;
  @ApiProperty({ type: [ApplicationStepResponse] }) history: ApplicationStep[];
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ type: ApplicantSummary, description: 'for the employer side; never the ID number or priority groups' })
  applicant?: ApplicantSummary;

  static of(application: Application, viewer: Principal, cipher: FieldCipher): ApplicationResponse {
    const response = Object.assign(new ApplicationResponse(), {
      id: application.id,
      shortageId: application.shortageId,
      shortageTitle: application.shortage?.title ?? '',
      employerId: application.shortage?.employerId ?? '',
      employerName: application.shortage?.employer?.name ?? '',
      wageMin: application.shortage?.wageMin ?? 0,
      wageMax: application.shortage?.wageMax ?? 0,
      payBasis: application.shortage?.payBasis ?? 'monthly',
      regionCode: application.shortage?.regionCode ?? '',
      shortageOpen: application.shortage ? isLive(application.shortage.status) : false,
      status: application.status,
      contactShared: application.contactShared,
      history: application.history,
      createdAt: application.createdAt,
    });
    const seeker = application.seeker;
    if (viewer.role !== 'seeker' && seeker) {
      const phone = seeker.phoneEncrypted ? cipher.decrypt(seeker.phoneEncrypted) : null;
      response.applicant = {
        id: seeker.id,
        name: seeker.name,
        phone: phone && (application.contactShared ? phone : maskPhone(phone)),
        skills: seeker.skills,
        certificates: seeker.certificates.map((c) => c.code),
        skillLevel: seeker.skillLevel,
        regionCode: seeker.regionCode,
        education: seeker.education,
        experience: seeker.experience.map(({ occupationCode, years }) => ({ occupationCode, years })),
        desiredOccupations: seeker.desiredOccupations,
        workTypes: seeker.workTypes,
        languages: seeker.languages,
        wageExpectation: seeker.wageExpectation,
        availableFrom: seeker.availableFrom,
      };
    }
    return response;
  }
}
