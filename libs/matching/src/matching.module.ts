import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmployerDemandModule } from '@app/employer-demand';
import { NotificationsModule } from '@app/notifications';
import { SeekerPoolModule } from '@app/seeker-pool';
import { IncrementalMatchingService } from './incremental-matching.service';
import { MatchCandidate } from './match-candidate.entity';
import { MatchDataRepository } from './match-data.repository';
import { MatchDecision } from './match-decision.entity';
import { MatchDecisionsService } from './match-decisions.service';
import { MatchResult } from './match-result.entity';
import { MatchRunShard } from './match-run-shard.entity';
import { MatchRun } from './match-run.entity';
import { MatchRunsService } from './match-runs.service';
import { MatchSettings } from './match-settings';
import { MatchVersions } from './match-versions.service';
import { MatchViewsService } from './match-views.service';
import { TrainingReferral } from './training-referral.entity';

const SERVICES = [MatchDataRepository, MatchSettings, MatchVersions, MatchRunsService, IncrementalMatchingService, MatchDecisionsService, MatchViewsService];

@Module({
  imports: [
    TypeOrmModule.forFeature([MatchRun, MatchRunShard, MatchCandidate, MatchResult, MatchDecision, TrainingReferral]),
    EmployerDemandModule,
    SeekerPoolModule,
    NotificationsModule,
  ],
  providers: SERVICES,
  exports: SERVICES,
})
export class MatchingModule {}
