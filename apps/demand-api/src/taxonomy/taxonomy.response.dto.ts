import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Response shapes of the reference-data routes (/api/taxonomy/…). */

export class TaxonomyNodeResponse {
  @ApiProperty({ example: '4-10-01-05' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'string' }], description: 'occupations: 1–4; industries: section, division, group, class' })
  level: number | string;
  @ApiProperty({ type: String, nullable: true }) parentCode: string | null;
  @ApiProperty() isLeaf: boolean;
}

export class TaxonomyNodeList {
  @ApiProperty({ type: [TaxonomyNodeResponse] }) items: TaxonomyNodeResponse[];
}

export class CertificateResponse {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
  @ApiProperty({ type: String, nullable: true }) occupationCode: string | null;
}

export class CertificateList {
  @ApiProperty({ type: [CertificateResponse] }) items: CertificateResponse[];
}

export class CanonicalSkillResponse {
  @ApiProperty({ example: 'SK-4-03-001' }) id: string;
  @ApiProperty({ example: '热菜烹制' }) zh: string;
  @ApiProperty({ example: 'Hot dish cooking (Chinese)' }) en: string;
  @ApiProperty({ type: String, nullable: true, example: '4-03', description: '2022 medium or major category; null: any occupation' }) family: string | null;
  @ApiProperty({ type: [String], example: ['炒菜', '中式烹调'] }) synonyms: string[];
  @ApiProperty({ example: '炒菜', description: 'the name or synonym the query found' }) matched: string;
}

export class CanonicalSkillList {
  @ApiProperty({ type: [CanonicalSkillResponse] }) items: CanonicalSkillResponse[];
}

export class RegionCenterResponse {
  @ApiProperty() lat: number;
  @ApiProperty() lng: number;
}

export class RegionNodeResponse {
  @ApiProperty({ example: '460100' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'city, county or district' }) kind: string;
  @ApiProperty({ type: String, nullable: true }) parentCode: string | null;
  @ApiProperty({ type: RegionCenterResponse, nullable: true }) center: RegionCenterResponse | null;
  @ApiPropertyOptional({ type: () => [RegionNodeResponse], description: 'shape=tree: the districts' }) children?: RegionNodeResponse[];
}

export class RegionNodeList {
  @ApiProperty({ type: [RegionNodeResponse] }) items: RegionNodeResponse[];
}

export class OccupationSuggestionResponse {
  @ApiProperty({ example: '4-03-02-01' }) code: string;
  @ApiProperty({ example: '中式烹调师' }) name: string;
  @ApiProperty({ example: 1, description: '0–1; 1 for an exact alias' }) confidence: number;
  @ApiProperty({ example: '厨师', description: 'the alias or occupation name that matched' }) alias: string;
  @ApiProperty({ enum: ['exact', 'head', 'contains', 'ngram', 'pinyin'] }) method: 'exact' | 'head' | 'contains' | 'ngram' | 'pinyin';
}

export class OccupationSuggestionList {
  @ApiProperty({ example: '海口急招厨师' }) title: string;
  @ApiProperty({ example: '厨师', description: 'the title without modifiers and place names' }) cleaned: string;
  @ApiProperty({ description: 'true when the title names no occupation (助理, 技术员): then items is empty' }) generic: boolean;
  @ApiProperty({ type: [OccupationSuggestionResponse] }) items: OccupationSuggestionResponse[];
}
