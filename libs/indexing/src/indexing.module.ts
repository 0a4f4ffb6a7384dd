import { Module } from '@nestjs/common';
import { IndexReconcilerService } from './index-reconciler.service';
import { IndexSyncService } from './index-sync.service';

/** Keeps the search indexes in step with PostgreSQL (needs the global SearchModule). */
@Module({
  providers: [IndexSyncService, IndexReconcilerService],
  exports: [IndexSyncService, IndexReconcilerService],
})
export class IndexingModule {}
