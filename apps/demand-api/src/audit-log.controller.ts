import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsUUID } from 'class-validator';
import { AuditLog, AuditResult, AuditService } from '@app/audit';
import { CurrentPrincipal, Principal, Roles, userScope, userScopeCondition } from '@app/auth';
import { ApiErrorResponses, ApiPageResponse, PageQuery, PageResponse } from '@app/http';

const AUDIT_RESULTS = ['success', 'denied', 'failed'] as const satisfies readonly AuditResult[];

class AuditLogQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ enum: AUDIT_RESULTS, enumName: 'AuditResult' }) @IsOptional() @IsIn(AUDIT_RESULTS)
  result?: AuditLog['result'];

  @ApiPropertyOptional({ type: String, format: 'date-time' }) @IsOptional() @Type(() => Date) @IsDate()
  from?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time' }) @IsOptional() @Type(() => Date) @IsDate()
  to?: Date;
}

export class AuditLogResponse implements AuditLog {
  @ApiProperty() id: string;
  @ApiProperty() at: Date;
  @ApiProperty({ type: String, nullable: true }) userId: string | null;
  @ApiProperty({ type: String, nullable: true }) role: string | null;
  @ApiProperty() action: string;
  @ApiProperty({ type: String, nullable: true }) objectType: string | null;
  @ApiProperty({ type: String, nullable: true }) objectId: string | null;
  @ApiProperty({ enum: AUDIT_RESULTS, enumName: 'AuditResult' }) result: AuditResult;
  @ApiProperty() statusCode: number;
  @ApiProperty({ type: String, nullable: true }) sourceIp: string | null;
}

@ApiTags('audit 审计日志')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Audit log, newest first; filter by user, result and time. A regional administrator sees the rows of accounts in their region' })
  @ApiPageResponse(AuditLogResponse)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: AuditLogQuery): Promise<PageResponse<AuditLog>> {
    const scope = userScope(principal);
    const [rows, total] = await this.audit.list({ ...query, actors: scope.kind === 'all' ? undefined : userScopeCondition(scope, 'u') });
    return PageResponse.of(rows, total, query);
  }
}
