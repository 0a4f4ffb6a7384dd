import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { EmployerDemandModule } from '@app/employer-demand';
import { registerMultipart } from './multipart-upload';
import { ShortageExportController } from './shortage-export.controller';
import { ShortageImportController } from './shortage-import.controller';

/** Excel import (template, upload, background job status) and export of shortages. */
@Module({
  imports: [EmployerDemandModule],
  controllers: [ShortageImportController, ShortageExportController],
})
export class ImportExportModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Uploads need multipart/form-data; the Fastify instance learns it here, before it starts listening. */
  onModuleInit(): void {
    registerMultipart(this.adapterHost.httpAdapter?.getInstance());
  }
}
