import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { MeilisearchSearchEngine } from './meilisearch/meilisearch-search-engine';
import { PostgresSearchEngine } from './postgres/postgres-search-engine';
import { SearchEngine } from './search-engine';

/** The adapter AppConfig.SEARCH_ENGINE names (loadConfig guarantees MEILI_URL for Meilisearch). */
export function createSearchEngine(config: Pick<AppConfig, 'SEARCH_ENGINE' | 'MEILI_URL' | 'MEILI_API_KEY'>, dataSource: DataSource): SearchEngine {
  if (config.SEARCH_ENGINE === 'meilisearch') {
    return new MeilisearchSearchEngine({ url: config.MEILI_URL!, apiKey: config.MEILI_API_KEY });
  }
  return new PostgresSearchEngine(dataSource);
}
