import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVENT_TYPES, EventType } from '@app/events';
import { SearchSkill, SeekerSearchDocument, ShortageSearchDocument } from '@app/search';
import { SkillFit } from './skill-fit';

/** Response shapes of /api/jobs/search and /api/seekers/search. */

export class SearchSkillResponse implements SearchSkill {
  @ApiProperty() name: string;
  @ApiProperty({ description: '1 (初级) … 5 (高级技师)' }) level: number;
}

class SearchDocumentResponse {
  @ApiProperty() id: string;
  @ApiProperty({ type: [String] }) occupationCodes: string[];
  @ApiProperty({ type: [String] }) occupationNames: string[];
  @ApiProperty({ type: [String] }) occupationTags: string[];
  @ApiProperty({ type: [String] }) occupationFamilies: string[];
  @ApiProperty() regionCode: string;
  @ApiProperty({ type: [String] }) regionTags: string[];
  @ApiProperty({ type: [SearchSkillResponse] }) skills: SearchSkillResponse[];
  @ApiProperty({ type: [String] }) skillNames: string[];
  @ApiProperty({ type: [String] }) certificateCodes: string[];
  @ApiProperty({ type: Number, nullable: true }) skillLevel: number | null;
  @ApiProperty({ type: [String] }) workTypes: string[];
  @ApiProperty({ type: Number, nullable: true }) lat: number | null;
  @ApiProperty({ type: Number, nullable: true }) lng: number | null;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ type: [String], description: 'fields emptied because they held an ID or phone number' }) redactedFields?: string[];
}

export class JobDocumentResponse extends SearchDocumentResponse implements ShortageSearchDocument {
  @ApiProperty() title: string;
  @ApiProperty() employerName: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: String, nullable: true }) trainingOffered: string | null;
  @ApiProperty() wageMin: number;
  @ApiProperty() wageMax: number;
  @ApiProperty({ description: 'places still open' }) openings: number;
  @ApiProperty() deadline: string;
  @ApiProperty() urgency: string;
}

export class SeekerDocumentResponse extends SearchDocumentResponse implements SeekerSearchDocument {
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) education: string | null;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ type: Number, nullable: true }) wageExpectation: number | null;
  @ApiProperty() travelRadiusKm: number;
  @ApiProperty({ type: String, nullable: true }) availableFrom: string | null;
  @ApiProperty({ type: [String] }) priorityGroups: string[];
}

export class SkillFitResponse implements SkillFit {
  @ApiProperty({ type: [String] }) matched: string[];
  @ApiProperty({ type: [String] }) missing: string[];
  @ApiProperty({ type: [String] }) missingCertificates: string[];
}

class SearchHitResponse {
  @ApiProperty() id: string;
  @ApiPropertyOptional() score?: number;
  @ApiPropertyOptional() distanceKm?: number;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'field → HTML-escaped snippet with <em>…</em>' })
  highlight?: Record<string, string>;
}

export class JobEventResponse {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: EVENT_TYPES }) type: EventType;
  @ApiProperty({ example: '2026-12-10' }) date: string;
  @ApiProperty({ example: '2026-12-10T09:00:00+08:00', description: 'Asia/Shanghai' }) startsAt: string;
  @ApiProperty() stationName: string;
}

export class JobHitResponse extends SearchHitResponse {
  @ApiProperty({ type: JobDocumentResponse }) document: JobDocumentResponse;
  @ApiPropertyOptional({ type: SkillFitResponse, description: 'a signed-in seeker: which requirements they meet' }) fit?: SkillFitResponse;
  @ApiPropertyOptional() mapUrl?: string;
  @ApiProperty({ type: [JobEventResponse], description: 'published recruitment events still to come where this job is on offer, soonest first (at most 2)' })
  events: JobEventResponse[];
}

export class SeekerHitResponse extends SearchHitResponse {
  @ApiProperty({ type: SeekerDocumentResponse }) document: SeekerDocumentResponse;
}


class SearchResultResponse {
  @ApiProperty({ description: 'every document matching the query' }) total: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { type: 'number' } },
    description: 'requested facet (SearchFacet) → value → number of matching documents',
  })
  facets: Record<string, Record<string, number>>;
  @ApiProperty() offset: number;
  @ApiProperty() limit: number;
}

export class JobSearchResponse extends SearchResultResponse {
  @ApiProperty({ type: [JobHitResponse] }) hits: JobHitResponse[];
}

export class SeekerSearchResponse extends SearchResultResponse {
  @ApiProperty({ type: [SeekerHitResponse] }) hits: SeekerHitResponse[];
}
