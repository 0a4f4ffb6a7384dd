import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmployerDirectory } from './employer-directory.service';
import { EmployerReads } from './employer-reads.service';
import { Employer } from './employer.entity';
import { EmployersService } from './employers.service';
import { ImportJob } from './import/import-job.entity';
import { ImportJobsService } from './import/import-jobs.service';
import { ShortageBulkWriter } from './import/shortage-bulk-writer';
import { ShortageExportService } from './import/shortage-export.service';
import { ShortageImportService } from './import/shortage-import.service';
import { Pairing } from './pairing.entity';
import { PairingsService } from './pairings.service';
import { PostingRescreenService } from './posting-rescreen.service';
import { ReviewDecision } from './review-decision.entity';
import { ReviewQueue } from './review-queue.service';
import { RuleSetAdoption } from './rule-set-adoption.entity';
import { ShortageDirectory } from './shortage-directory.service';
import { ShortageExpiryService } from './shortage-expiry.service';
import { ShortageFigureReads } from './shortage-figure-reads.service';
import { ShortageMatchFacts } from './shortage-match-facts';
import { ShortageReads } from './shortage-reads.service';
import { ShortageResponseService } from './shortage-response.service';
import { ShortageTransition } from './shortage-transition.entity';
import { Shortage } from './shortage.entity';
import { ShortagesService } from './shortages.service';

const SERVICES = [
  EmployerDirectory,
  EmployerReads,
  EmployersService,
  PairingsService,
  ShortageDirectory,
  ShortagesService,
  ShortageResponseService,
  ShortageExpiryService,
  ShortageMatchFacts,
  ShortageReads,
  ShortageFigureReads,
  ShortageBulkWriter,
  ShortageImportService,
  ShortageExportService,
  ImportJobsService,
  ReviewQueue,
  PostingRescreenService,
];

@Module({
  imports: [TypeOrmModule.forFeature([Employer, Pairing, Shortage, ShortageTransition, ImportJob, ReviewDecision, RuleSetAdoption])],
  providers: SERVICES,
  exports: SERVICES,
})
export class EmployerDemandModule {}
