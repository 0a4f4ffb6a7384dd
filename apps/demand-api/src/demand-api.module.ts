import { Module } from '@nestjs/common';
import { EmployerDemandModule } from '@app/employer-demand';
import { AuditLogController } from './audit-log.controller';
import { DemandController } from './demand/demand.controller';
import { EmployersController } from './employers/employers.controller';
import { ImportExportModule } from './import-export/import-export.module';
import { PairingsController } from './pairings/pairings.controller';
import { ScreenController } from './screen/screen.controller';
import { ShortagesController } from './shortages/shortages.controller';

/** The employer-demand service: employers, officers and pairings, shortages, posting screen, published demand. */
@Module({
  imports: [EmployerDemandModule, ImportExportModule],
  controllers: [EmployersController, PairingsController, ShortagesController, ScreenController, DemandController, AuditLogController],
})
export class DemandApiModule {}
