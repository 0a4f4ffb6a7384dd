import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { SEARCH_ENGINE } from './search-engine';
import { createSearchEngine } from './search-engine.factory';

/**
 * Provides the configured SearchEngine under SEARCH_ENGINE, everywhere. Its `health()` is what a health
 * check can report. Index settings are applied by `ensureIndex`, which the indexing pipeline calls.
 */
@Global()
@Module({
  providers: [
    {
      provide: SEARCH_ENGINE,
      inject: [AppConfig, getDataSourceToken()],
      useFactory: (config: AppConfig, dataSource: DataSource) => createSearchEngine(config, dataSource),
    },
  ],
  exports: [SEARCH_ENGINE],
})
export class SearchModule {}
