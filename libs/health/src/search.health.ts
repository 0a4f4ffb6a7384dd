import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';

/**
 * The configured search engine. The built-in engine lives in PostgreSQL and needs its text-search
 * extensions; the Meilisearch engine answers on its /health endpoint.
 */
@Injectable()
export class SearchHealthIndicator {
  constructor(
    private readonly config: AppConfig,
    private readonly indicator: HealthIndicatorService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async check(key: string) {
    const indicator = this.indicator.check(key);
    const engine = this.config.SEARCH_ENGINE;
    try {
      if (engine === 'meilisearch') {
        const response = await fetch(new URL('/health', this.config.MEILI_URL), { signal: AbortSignal.timeout(2000) });
        if (!response.ok) throw new Error(`Meilisearch answered ${response.status}`);
      } else {
        const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`);
        if (rows.length === 0) throw new Error('the pg_trgm extension is not installed');
      }
      return indicator.up({ engine });
    } catch (error) {
      return indicator.down({ engine, message: (error as Error).message });
    }
  }
}
