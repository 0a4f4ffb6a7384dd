import { DynamicModule, Module, Type } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { AuthModule } from '@app/auth';
import { Clock, ClockModule } from '@app/clock';
import { AppConfig, ConfigModule } from '@app/config';
import { CryptoModule } from '@app/crypto';
import { DatabaseModule } from '@app/database';
import { DevelopmentPlanModule } from '@app/development-plan';
import { EarlyWarningModule } from '@app/early-warning';
import { EmployerDemandModule } from '@app/employer-demand';
import { EventsModule } from '@app/events';
import { GeocodingModule } from '@app/geocoding';
import { HealthModule } from '@app/health';
import { LoggingModule } from '@app/logging';
import { MatchingModule } from '@app/matching';
import { NotificationsModule } from '@app/notifications';
import { SearchModule } from '@app/search';
import { SeekerPoolModule } from '@app/seeker-pool';
import { SubsidyPaymentsModule } from '@app/subsidies';
import { TaxonomyModule } from '@app/taxonomy';
import { AccountHolderRegionsModule } from './account-holder-regions.module';

/**
 * What every service needs (configuration, logs, the database, accounts and access rules, audit, field
 * encryption, reference data, health, the domain modules), plus the feature modules of the services this process runs.
 * `npm start` runs all features in one process; each service can also run alone for scale-out.
 */
@Module({})
export class CoreModule {
  /** `clock`: the system clock unless a test passes its own. */
  static forRoot(config: AppConfig, features: Type<unknown>[], clock?: Clock): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        LoggingModule,
        DatabaseModule,
        CryptoModule,
        TaxonomyModule,
        GeocodingModule,
        AuthModule,
        AccountHolderRegionsModule,
        AuditModule,
        SearchModule,
        HealthModule,
        // Every domain module, so each process knows the whole schema (one migration history for all).
        EmployerDemandModule,
        SeekerPoolModule,
        EventsModule,
        NotificationsModule,
        MatchingModule,
        SubsidyPaymentsModule,
        DevelopmentPlanModule,
        EarlyWarningModule,
        ...features,
      ],
    };
  }
}
