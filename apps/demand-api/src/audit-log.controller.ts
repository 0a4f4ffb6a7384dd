import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsUUID } from 'class-validator';
import { AuditLog, AuditService } from '@app/audit';
import { Roles } from '@app/auth';
import { PageQuery, PageResponse } from '@app/http';

class AuditLogQuery extends PageQuery {
  @IsOptional() @IsUUID()
  userId?: string;

  @IsOptional() @IsIn(['success', 'denied', 'failed'])
  result?: AuditLog['result'];

  @IsOptional() @Type(() => Date) @IsDate()
  from?: Date;

  @IsOptional() @Type(() => Date) @IsDate()
  to?: Date;
}

@ApiTags('audit 审计日志')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Audit log, newest first; filter by user, result and time' })
  async list(@Query() query: AuditLogQuery): Promise<PageResponse<AuditLog>> {
    const [rows, total] = await this.audit.list(query);
    return PageResponse.of(rows, total, query);
  }
}
