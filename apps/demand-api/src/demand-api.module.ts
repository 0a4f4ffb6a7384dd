import { Module } from '@nestjs/common';
import { EmployerDemandModule } from '@app/employer-demand';
import { AuditLogController } from './audit-log.controller';
import { EmployersController } from './employers.controller';

/** The employer-demand service: employers, officers and pairings, shortages, published demand. */
@Module({
  imports: [EmployerDemandModule],
  controllers: [EmployersController, AuditLogController],
})
export class DemandApiModule {}
