import { Module } from '@nestjs/common';
import { EmployerDemandModule } from '@app/employer-demand';
import { SeekerPoolModule } from '@app/seeker-pool';
import { IndexReconcilerService } from './index-reconciler.service';
import { IndexSyncService } from './index-sync.service';

/** Keeps the search indexes in step with PostgreSQL (needs the global SearchModule). */
@Module({
  imports: [EmployerDemandModule, SeekerPoolModule],
  providers: [IndexSyncService, IndexReconcilerService],
  exports: [IndexSyncService, IndexReconcilerService],
})
export class IndexingModule {}
