import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public, regionPrefix, RequestWithPrincipal, Roles } from '@app/auth';
import { EventsService, UpcomingEventOfJob } from '@app/events';
import { SEARCH_ENGINE, SearchEngine, SearchResult, SeekerSearchDocument, ShortageSearchDocument } from '@app/search';
import { SeekerDirectory } from '@app/seeker-pool';
import { SkillVocabulary } from '@app/taxonomy';
import { SearchRequest, SeekerSearchRequest, toSearchQuery } from './search.request.dto';
import { SkillFit, skillFit } from './skill-fit';
import { JobSearchResponse, SeekerSearchResponse } from './search.response.dto';
import { ApiErrorResponses } from '@app/http';

type JobHit = SearchResult<ShortageSearchDocument>['hits'][number] & { fit?: SkillFit; mapUrl?: string; events: UpcomingEventOfJob[] };

@ApiTags('search 搜索')
@ApiErrorResponses()
@Controller()
export class SearchController {
  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly seekers: SeekerDirectory,
    private readonly skills: SkillVocabulary,
    private readonly events: EventsService,
  ) {}

  @Get('jobs/search')
  @Public()
  @ApiOperation({
    summary: 'Search open jobs by words, occupation, region, distance, wage and work type; a signed-in seeker also sees distance from home and skill fit',
  })
  @ApiOkResponse({ type: JobSearchResponse })
  async searchJobs(@Query() request: SearchRequest, @Req() http: RequestWithPrincipal) {
    const principal = http.principal;
    const seeker = principal?.role === 'seeker' && principal.seekerId ? await this.seekers.getVisible(principal, principal.seekerId) : null;
    const home = seeker?.lat != null && seeker.lng != null ? { lat: seeker.lat, lng: seeker.lng } : undefined;
    const result = await this.engine.search('shortages', toSearchQuery(request, home));
    // The recruitment events where each job is on offer (published, still to come).
    const events = await this.events.upcomingForShortages(result.hits.map((hit) => hit.id));
    const hits: JobHit[] = result.hits.map((hit) => ({
      ...hit,
      events: events.get(hit.id) ?? [],
      mapUrl: hit.document.lat != null ? `https://uri.amap.com/marker?position=${hit.document.lng},${hit.document.lat}&name=${encodeURIComponent(hit.document.title)}` : undefined,
      fit: seeker
        ? skillFit(hit.document.skills, hit.document.certificateCodes, { skills: seeker.skills, certificateCodes: seeker.certificates.map((c) => c.code) }, this.skills)
        : undefined,
    }));
    return { ...result, hits };
  }

  @Get('seekers/search')
  @Roles('admin', 'officer', 'station_staff')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Search the seeker pool with facets (no ID numbers or phones in results); limited to the caller’s region' })
  @ApiOkResponse({ type: SeekerSearchResponse })
  async searchSeekers(@CurrentPrincipal() principal: Principal, @Query() request: SeekerSearchRequest): Promise<SearchResult<SeekerSearchDocument>> {
    const query = toSearchQuery(request);
    // The caller's seeker scope as regions (scope.policy.ts through SeekerDirectory): asked-for regions inside it, or all of it.
    const regions = await this.seekers.searchRegions(principal);
    if (regions) {
      if (!regions.length) return { hits: [], total: 0, facets: {}, offset: query.offset ?? 0, limit: query.limit ?? 20 };
      const allowed = (query.regionCodes ?? []).filter((code) => regions.some((region) => code.startsWith(regionPrefix(region))));
      query.regionCodes = allowed.length ? allowed : regions;
    }
    return this.engine.search('seekers', query);
  }
}

