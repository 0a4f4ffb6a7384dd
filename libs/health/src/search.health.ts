import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { SEARCH_ENGINE, SearchEngine } from '@app/search';

/** The configured search engine (built-in PostgreSQL engine or Meilisearch), as the engine itself reports it. */
@Injectable()
export class SearchHealthIndicator {
  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async check(key: string) {
    const indicator = this.indicator.check(key);
    const health = await this.engine.health();
    return health.status === 'up' ? indicator.up({ engine: health.engine }) : indicator.down({ engine: health.engine, message: health.message });
  }
}
