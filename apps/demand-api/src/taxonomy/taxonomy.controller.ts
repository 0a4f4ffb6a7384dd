import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Public } from '@app/auth';
import { SkillVocabulary, Taxonomy } from '@app/taxonomy';
import { CanonicalSkillList, CertificateList, OccupationSuggestionList, RegionNodeList, TaxonomyNodeList } from './taxonomy.response.dto';
import { ApiErrorResponses } from '@app/http';

const list = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);

class TaxonomySearchQuery {
  @ApiPropertyOptional({ example: 'hly', description: 'name, code prefix or pinyin (initials or full syllables)' })
  @IsOptional() @IsString() @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ example: '4-10-01,4-10-01-05', description: 'look these codes up (names for display)' })
  @IsOptional() @Transform(list) @IsString({ each: true }) @MaxLength(20, { each: true })
  codes?: string[];

  @ApiPropertyOptional({ default: 30 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;
}

class TreeQuery extends TaxonomySearchQuery {
  @ApiPropertyOptional({ example: '4-10', description: 'children of this code; without q, parent or codes: the top level' })
  @IsOptional() @IsString() @Matches(/^[A-Z0-9-]{1,12}$/, { message: 'parent 应为分类代码' })
  parent?: string;
}

class CertificateQuery extends TaxonomySearchQuery {
  @ApiPropertyOptional({ example: '4-10-01-05', description: 'certificates of this occupation' }) @IsOptional() @IsString() @MaxLength(20)
  occupation?: string;
}

class SkillQuery {
  @ApiProperty({ example: '炒菜', description: 'what the user has typed: a skill name or synonym (炒菜 finds 热菜烹制)' })
  @IsString() @IsNotEmpty() @MaxLength(50)
  q: string;

  @ApiPropertyOptional({ example: '4-03-02-01', description: "the posting's or seeker's occupation: skills of its family come first" })
  @IsOptional() @IsString() @Matches(/^\d(-\d{2}){0,3}$/)
  occupation?: string;

  @ApiPropertyOptional({ default: 10 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(50)
  limit?: number;
}

class SuggestQuery {
  @ApiProperty({ example: '海口急招厨师', description: 'a job title as people write it' })
  @IsString() @MaxLength(100)
  title: string;

  @ApiPropertyOptional({ default: 5 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10)
  limit?: number;
}

class RegionQuery {
  @ApiPropertyOptional({ enum: ['tree', 'flat'], default: 'tree' }) @IsOptional() @IsIn(['tree', 'flat'])
  shape?: 'tree' | 'flat';
}

export interface TaxonomyNode {
  code: string;
  name: string;
  level: number | string;
  parentCode: string | null;
  isLeaf: boolean;
}

interface RegionNode {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
  center: { lat: number; lng: number } | null;
  children?: RegionNode[];
}

/**
 * Read-only reference data for pickers in the web console: occupations (职业分类大典 2022), industries
 * (GB/T 4754-2017), Hainan regions and certificates. Public: it holds no personal data.
 */
@ApiTags('taxonomy 分类代码')
@ApiErrorResponses()
@Controller('taxonomy')
export class TaxonomyController {
  constructor(
    private readonly taxonomy: Taxonomy,
    private readonly skills: SkillVocabulary,
  ) {}

  @Get('occupations')
  @Public()
  @ApiOperation({ summary: 'Occupations: the top level, the children of `parent`, a search `q` (everyday titles and aliases such as 厨师 or 月嫂, name, code, pinyin initials), or `codes` to look up' })
  @ApiOkResponse({ type: TaxonomyNodeList })
  occupations(@Query() query: TreeQuery): { items: TaxonomyNode[] } {
    const t = this.taxonomy;
    const node = (o: { code: string; name: string; level: number; parentCode: string | null }): TaxonomyNode => ({
      code: o.code, name: o.name, level: o.level, parentCode: o.parentCode, isLeaf: o.level === 4 || t.occupationChildren(o.code).length === 0,
    });
    if (query.codes) return { items: query.codes.map((c) => t.occupation(c)).filter((o) => o !== undefined).map(node) };
    if (query.q) return { items: t.findOccupations(query.q, query.limit ?? 30).map(node) };
    if (query.parent) return { items: t.occupationChildren(query.parent).map(node) };
    return { items: t.occupations(1).map(node) };
  }

  @Get('occupations/suggest')
  @Public()
  @ApiOperation({
    summary: 'Occupations suggested for a typed job title (厨师 → 中式烹调师), ranked, with confidence and the alias that matched; a generic title (助理, 技术员) gets none',
  })
  @ApiOkResponse({ type: OccupationSuggestionList })
  suggest(@Query() query: SuggestQuery): OccupationSuggestionList {
    const result = this.taxonomy.suggestOccupations(query.title, query.limit ?? 5);
    return {
      title: query.title,
      cleaned: result.cleaned,
      generic: result.generic,
      items: result.suggestions.map((s) => ({ code: s.code, name: s.name, confidence: s.confidence, alias: s.alias, method: s.method })),
    };
  }

  @Get('industries')
  @Public()
  @ApiOperation({ summary: 'Industries: the sections, the children of `parent`, a search `q` (name, code, pinyin initials), or `codes` to look up' })
  @ApiOkResponse({ type: TaxonomyNodeList })
  industries(@Query() query: TreeQuery): { items: TaxonomyNode[] } {
    const t = this.taxonomy;
    const node = (i: { code: string; name: string; level: string; parentCode: string | null }): TaxonomyNode => ({
      code: i.code, name: i.name, level: i.level, parentCode: i.parentCode, isLeaf: i.level === 'class' || t.industryChildren(i.code).length === 0,
    });
    if (query.codes) return { items: query.codes.map((c) => t.industry(c)).filter((i) => i !== undefined).map(node) };
    if (query.q) return { items: t.searchIndustries(query.q, query.limit ?? 30).map(node) };
    if (query.parent) return { items: t.industryChildren(query.parent).map(node) };
    return { items: t.industries('section').map(node) };
  }

  @Get('certificates')
  @Public()
  @ApiOperation({ summary: 'Certificates (职业技能等级证书, 特种作业操作证): search `q`, by `occupation`, or `codes` to look up' })
  @ApiOkResponse({ type: CertificateList })
  certificates(@Query() query: CertificateQuery) {
    const t = this.taxonomy;
    const view = (c: { code: string; name: string; kind: string; occupationCode: string | null }) => ({ code: c.code, name: c.name, kind: c.kind, occupationCode: c.occupationCode });
    if (query.codes) return { items: query.codes.map((c) => t.certificate(c)).filter((c) => c !== undefined).map(view) };
    if (query.occupation) return { items: t.certificates().filter((c) => c.occupationCode === query.occupation).map(view) };
    if (query.q) return { items: t.searchCertificates(query.q, query.limit ?? 30).map(view) };
    return { items: t.certificates().slice(0, query.limit ?? 30).map(view) };
  }

  @Get('skills')
  @Public()
  @ApiOperation({
    summary: 'Canonical skills for an autocomplete: names and synonyms matching `q` (炒菜 → 热菜烹制), skills of `occupation`’s family first; free text stays allowed wherever skills are written',
  })
  @ApiOkResponse({ type: CanonicalSkillList })
  skillSuggestions(@Query() query: SkillQuery): CanonicalSkillList {
    return {
      items: this.skills.suggest(query.q, query.limit ?? 10, query.occupation).map(({ skill, matched }) => ({
        id: skill.id, zh: skill.zh, en: skill.en, family: skill.family, synonyms: skill.synonyms, matched,
      })),
    };
  }

  @Get('regions')
  @Public()
  @ApiOperation({ summary: 'Hainan regions: cities and counties with their districts (`shape=tree`, for a cascader) or a flat list' })
  @ApiOkResponse({ type: RegionNodeList })
  regions(@Query() query: RegionQuery): { items: RegionNode[] } {
    const t = this.taxonomy;
    const view = (r: { code: string; name: string; kind: string; parentCode: string | null; center: { lat: number; lng: number } | null }): RegionNode => ({
      code: r.code, name: r.name, kind: r.kind, parentCode: r.parentCode, center: r.center,
    });
    const counties = t.counties();
    if (query.shape === 'flat') {
      return { items: counties.flatMap((c) => [view(c), ...t.regionChildren(c.code).filter((r) => r.kind === 'district').map(view)]) };
    }
    return {
      items: counties.map((c) => {
        const districts = t.regionChildren(c.code).filter((r) => r.kind === 'district');
        return districts.length ? { ...view(c), children: districts.map(view) } : view(c);
      }),
    };
  }
}
