import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Shortage, SHORTAGE_STATUSES, ShortageStatus, URGENCIES, WORK_TYPES } from '@app/employer-demand';
import { JobPage, JobPageEmployer, JobPageEvent } from '@app/events';
import { APPLICATION_STATUSES, ApplicationStatus } from '@app/seeker-pool';
import { EDUCATION_CHOICES } from '@app/taxonomy';
import { PAY_BASES } from '../shortages/shortage.request.dto';
import { SkillRequirementResponse } from '../shortages/shortage.response.dto';

export class JobPageEmployerResponse implements JobPageEmployer {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'GB/T 4754-2017 code' }) industryCode: string;
  @ApiProperty() sizeClass: string;
  @ApiProperty() ownership: string;
  @ApiProperty() regionCode: string;
  @ApiPropertyOptional({ nullable: true, type: String }) park: string | null;
  @ApiProperty({ description: 'the employer’s published postings, this one included' }) openPostings: number;
}

export class JobPageEventResponse implements JobPageEvent {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'the day (Asia/Shanghai)' }) date: string;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty() stationName: string;
  @ApiProperty() stationAddress: string;
  @ApiPropertyOptional({ nullable: true, type: String }) booth: string | null;
}

export class SimilarJobResponse {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() employerName: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() wageMin: number;
  @ApiProperty() wageMax: number;
  @ApiProperty() openings: number;
  @ApiProperty() deadline: string;
}

export class MyApplicationResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: APPLICATION_STATUSES, enumName: 'ApplicationStatus' }) status: ApplicationStatus;
  @ApiProperty() createdAt: Date;
}

/** A published posting as the public sees it: everything it says, never who logged it or the screen's findings. */
export class JobPageResponse {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() occupationCode: string;
  @ApiProperty() industryCode: string;
  @ApiProperty() headcount: number;
  @ApiProperty() openPositions: number;
  @ApiProperty({ type: [SkillRequirementResponse] }) requiredSkills: SkillRequirementResponse[];
  @ApiProperty({ type: [SkillRequirementResponse] }) preferredSkills: SkillRequirementResponse[];
  @ApiProperty({ type: [String] }) requiredCertificates: string[];
  @ApiPropertyOptional({ nullable: true, type: Number }) minSkillLevel: number | null;
  @ApiPropertyOptional({ nullable: true, enum: EDUCATION_CHOICES, enumName: 'EducationLevel' }) education: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) experienceYears: number | null;
  @ApiProperty() wageMin: number;
  @ApiProperty() wageMax: number;
  @ApiProperty({ enum: PAY_BASES, enumName: 'PayBasis' }) payBasis: string;
  @ApiProperty({ enum: WORK_TYPES, enumName: 'WorkType' }) workType: string;
  @ApiPropertyOptional({ nullable: true, type: String }) shifts: string | null;
  @ApiProperty() regionCode: string;
  @ApiProperty() address: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the named place, e.g. 海口市龙华区城西镇' }) place: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) townshipName: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) lat: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) lng: number | null;
  @ApiPropertyOptional({ nullable: true, enum: ['point', 'township', 'district', 'city'] }) locationPrecision: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'a map of the place (Amap marker link) when it is located' }) mapUrl: string | null;
  @ApiProperty() startDate: string;
  @ApiProperty() deadline: string;
  @ApiPropertyOptional({ nullable: true, type: String }) trainingOffered: string | null;
  @ApiProperty() acceptsTrainees: boolean;
  @ApiProperty({ enum: URGENCIES, enumName: 'Urgency' }) urgency: string;
  @ApiProperty() openToDisabled: boolean;
  @ApiProperty({ enum: SHORTAGE_STATUSES, enumName: 'ShortageStatus' }) status: ShortageStatus;
  @ApiPropertyOptional({ nullable: true, type: Date }) publishedAt: Date | null;
  @ApiProperty({ type: JobPageEmployerResponse }) employer: JobPageEmployerResponse;
  @ApiProperty({ type: [JobPageEventResponse], description: 'published, upcoming recruitment events where the employer recruits for it' })
  events: JobPageEventResponse[];
  @ApiProperty({ type: [SimilarJobResponse] }) similar: SimilarJobResponse[];
  @ApiPropertyOptional({ nullable: true, type: MyApplicationResponse, description: 'a signed-in seeker’s own application to it; null otherwise' })
  myApplication: MyApplicationResponse | null;

  static of(page: JobPage, myApplication: MyApplicationResponse | null): JobPageResponse {
    const s: Shortage = page.shortage;
    return Object.assign(new JobPageResponse(), {
      id: s.id, title: s.title, description: s.description, occupationCode: s.occupationCode, industryCode: s.industryCode, headcount: s.headcount,
      openPositions: Math.max(0, s.headcount - s.filledHeadcount), requiredSkills: s.requiredSkills, preferredSkills: s.preferredSkills,
      requiredCertificates: s.requiredCertificates, minSkillLevel: s.minSkillLevel, education: s.education, experienceYears: s.experienceYears,
      wageMin: s.wageMin, wageMax: s.wageMax, payBasis: s.payBasis, workType: s.workType, shifts: s.shifts, regionCode: s.regionCode, address: s.address,
      place: page.place, townshipName: page.townshipName, lat: s.lat, lng: s.lng, locationPrecision: s.locationPrecision,
      mapUrl: s.lat != null && s.lng != null ? `https://uri.amap.com/marker?position=${s.lng},${s.lat}&name=${encodeURIComponent(s.title)}&coordinate=wgs84` : null,
      startDate: s.startDate, deadline: s.deadline, trainingOffered: s.trainingOffered, acceptsTrainees: s.acceptsTrainees, urgency: s.urgency,
      openToDisabled: s.openToDisabled, status: s.status, publishedAt: s.publishedAt,
      employer: page.employer,
      events: page.events,
      similar: page.similar.map(({ id, document: d }) => ({
        id, title: d.title, employerName: d.employerName, regionCode: d.regionCode, wageMin: d.wageMin, wageMax: d.wageMax, openings: d.openings, deadline: d.deadline,
      })),
      myApplication,
    });
  }
}
