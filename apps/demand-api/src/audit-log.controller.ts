import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsUUID } from 'class-validator';
import { AuditLog, AuditService } from '@app/audit';
import { CurrentPrincipal, Principal, Roles, userScope, userScopeCondition } from '@app/auth';
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
  @ApiOperation({ summary: 'Audit log, newest first; filter by user, result and time. A regional administrator sees the rows of accounts in their region' })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: AuditLogQuery): Promise<PageResponse<AuditLog>> {
    const scope = userScope(principal);
    const [rows, total] = await this.audit.list({ ...query, actors: scope.kind === 'all' ? undefined : userScopeCondition(scope, 'u') });
    return PageResponse.of(rows, total, query);
  }
}
