import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Brackets } from 'typeorm';
import { Employer, Shortage, ShortageReads } from '@app/employer-demand';
import { LocationResolver, OfflineGeocoder } from '@app/geocoding';
import { SEARCH_ENGINE, SearchEngine, SearchHit, ShortageSearchDocument } from '@app/search';
import { Taxonomy } from '@app/taxonomy';
import { EventEmployer } from './event-employer.entity';

/** How many similar jobs the page lists. */
export const SIMILAR_JOBS = 5;

export interface JobPageEvent {
  id: string;
  title: string;
  date: string;
  startsAt: Date;
  endsAt: Date;
  stationName: string;
  stationAddress: string;
  booth: string | null;
}

export interface JobPageEmployer {
  id: string;
  name: string;
  industryCode: string;
  sizeClass: string;
  ownership: string;
  regionCode: string;
  park: string | null;
  /** Open postings of the employer, this one included. */
  openPostings: number;
}

export interface JobPage {
  shortage: Shortage;
  employer: JobPageEmployer;
  /** The named place of the workplace (e.g. 海口市龙华区城西镇), from the offline gazetteer; null when unknown. */
  place: string | null;
  townshipName: string | null;
  /** Published, upcoming recruitment events at which the employer recruits for this posting. */
  events: JobPageEvent[];
  similar: SearchHit<ShortageSearchDocument>[];
}

/**
 * The public job page: a published posting with everything it says, its employer's card (public facts only, never the
 * contact or credit code), the named place, the upcoming events where it is offered and similar open jobs (same
 * occupation family, else the same occupation group, nearest region first by the search engine's ordering).
 * Only published postings (open or partially filled) have a page.
 */
@Injectable()
export class JobPageService {
  private readonly places: LocationResolver;

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly shortages: ShortageReads,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    offline: OfflineGeocoder,
  ) {
    // Offline only: a page view never waits on an online geocoder.
    this.places = new LocationResolver(offline, offline, Taxonomy.shared());
  }

  async page(id: string, today: string): Promise<JobPage | null> {
    const shortage = await this.shortages.published(id);
    if (!shortage?.employer) return null;
    const [place, employer, events, similar] = [
      await this.places.resolve({ address: shortage.address, regionCode: shortage.regionCode, townshipCode: null }),
      await this.employerCard(shortage.employer),
      await this.eventsOffering(shortage, today),
      await this.similar(shortage),
    ];
    return { shortage, employer, place: place.label, townshipName: place.townshipName, events, similar };
  }

  private async employerCard(employer: Employer): Promise<JobPageEmployer> {
    const count = await this.shortages.liveCountOfEmployer(employer.id);
    const { id, name, industryCode, sizeClass, ownership, regionCode, park } = employer;
    return { id, name, industryCode, sizeClass, ownership, regionCode, park, openPostings: count };
  }

  private async eventsOffering(shortage: Shortage, today: string): Promise<JobPageEvent[]> {
    const rows = await this.txHost.tx
      .getRepository(EventEmployer)
      .createQueryBuilder('ee')
      .innerJoinAndSelect('ee.event', 'ev')
      .innerJoinAndSelect('ev.station', 'st')
      .where('ee.employer_id = :employerId', { employerId: shortage.employerId })
      .andWhere(new Brackets((qb) => qb.where(':shortageId = ANY(ee.shortage_ids)', { shortageId: shortage.id })))
      .andWhere(`ee.invitation_status <> 'declined'`)
      .andWhere(`ev.status = 'published'`)
      .andWhere('ev.date >= :today', { today })
      .orderBy('ev.startsAt', 'ASC')
      .take(10)
      .getMany();
    return rows.map(({ event, booth }) => ({
      id: event!.id,
      title: event!.title,
      date: event!.date,
      startsAt: event!.startsAt,
      endsAt: event!.endsAt,
      stationName: event!.station!.name,
      stationAddress: event!.station!.address,
      booth,
    }));
  }

  private async similar(shortage: Shortage): Promise<SearchHit<ShortageSearchDocument>[]> {
    const family = shortage.occupationCode.split('-').slice(0, 3).join('-');
    const group = shortage.occupationCode.split('-').slice(0, 2).join('-');
    const found: SearchHit<ShortageSearchDocument>[] = [];
    for (const occupation of [family, group]) {
      const result = await this.engine.search('shortages', { occupationCodes: [occupation], limit: SIMILAR_JOBS + 1 + found.length });
      for (const hit of result.hits) {
        if (hit.id !== shortage.id && !found.some((f) => f.id === hit.id)) found.push(hit);
      }
      if (found.length >= SIMILAR_JOBS) break;
    }
    // Nearer first: the same county, then the same city, then the rest, in the engine's order.
    const closeness = (regionCode: string) => (regionCode === shortage.regionCode ? 0 : regionCode.slice(0, 4) === shortage.regionCode.slice(0, 4) ? 1 : 2);
    return found
      .map((hit, index) => ({ hit, index }))
      .sort((a, b) => closeness(a.hit.document.regionCode) - closeness(b.hit.document.regionCode) || a.index - b.index)
      .slice(0, SIMILAR_JOBS)
      .map(({ hit }) => hit);
  }
}
