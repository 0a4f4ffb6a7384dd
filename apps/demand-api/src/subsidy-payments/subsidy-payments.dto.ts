import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '@app/http';
import { BatchSummary, FRAUD_CODES, LedgerLine, ReturnImportReport, SUSPICIOUS_CASE_STATUSES, SuspiciousCaseStatus, SuspiciousCaseView } from '@app/subsidies';

export class PaymentBatchListQuery extends PageQuery {}

export class PaymentBatchResponse implements BatchSummary {
  @ApiProperty({ example: 'PB20261207A1B2C3D4', description: '批次号' }) id: string;
  @ApiProperty({ enum: ['open', 'closed', 'cancelled'] }) status: BatchSummary['status'];
  @ApiProperty() rowCount: number;
  @ApiProperty({ description: 'total in fen' }) totalFen: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ description: 'rows the bank paid' }) paid: number;
  @ApiProperty({ description: 'rows that failed or bounced (owed again, retried in a later batch)' }) failed: number;
  @ApiProperty({ description: 'rows without a return yet' }) pending: number;
}

export class ReturnRejectionResponse {
  @ApiProperty() serial: string;
  @ApiProperty({ description: 'row of the return file' }) row: number;
  @ApiProperty() why: string;
}

export class ReturnImportResponse implements ReturnImportReport {
  @ApiProperty() batchId: string;
  @ApiProperty({ type: [String], description: '流水号 paid' }) paid: string[];
  @ApiProperty({ type: [String] }) failed: string[];
  @ApiProperty({ type: [String] }) bounced: string[];
  @ApiProperty({ type: [String], description: 'lines already applied (a replayed file)' }) unchanged: string[];
  @ApiProperty({ type: [ReturnRejectionResponse], description: 'lines not applied, for a person to look at' }) rejected: ReturnRejectionResponse[];
  @ApiProperty({ type: [String], description: 'claims paid in full by this file' }) claimsPaid: string[];
}

export class FundLedgerQuery {
  @ApiProperty({ example: '2026-01', description: 'first month, YYYY-MM' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  from: string;

  @ApiProperty({ example: '2026-12', description: 'last month, YYYY-MM' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  to: string;
}

export class FundLedgerLineResponse implements LedgerLine {
  @ApiProperty({ example: '2026-12' }) month: string;
  @ApiProperty({ example: 'G1' }) rule: string;
  @ApiProperty() paidFen: number;
  @ApiProperty() failedFen: number;
  @ApiProperty() bouncedFen: number;
  @ApiProperty() recoveredFen: number;
  @ApiProperty({ description: 'paid − bounced − recovered' }) netFen: number;
}

export class FundLedgerResponse {
  @ApiProperty({ type: [FundLedgerLineResponse] }) lines: FundLedgerLineResponse[];
}

export class SuspiciousCaseListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SUSPICIOUS_CASE_STATUSES }) @IsOptional() @IsIn(SUSPICIOUS_CASE_STATUSES)
  status?: SuspiciousCaseStatus;

  @ApiPropertyOptional({ enum: FRAUD_CODES }) @IsOptional() @IsIn(FRAUD_CODES)
  code?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID()
  claimId?: string;
}

export class ResolveSuspiciousCaseRequest {
  @ApiProperty({ example: '已电话核实：三人为同一家庭成员，共用账户属实', description: 'What was checked and found' })
  @IsString() @MinLength(2) @MaxLength(2000)
  note: string;
}

export class SuspiciousCaseResponse implements SuspiciousCaseView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) claimId: string;
  @ApiProperty() rule: string;
  @ApiProperty() claimStatus: string;
  @ApiProperty({ enum: FRAUD_CODES, enumName: 'FraudCode' }) code: string;
  @ApiProperty() reasonZh: string;
  @ApiProperty() reasonEn: string;
  @ApiProperty({ type: [String] }) relatedClaimIds: string[];
  @ApiProperty({ enum: ['submission', 'nightly', 'sample'] }) source: SuspiciousCaseView['source'];
  @ApiProperty({ enum: SUSPICIOUS_CASE_STATUSES }) status: SuspiciousCaseStatus;
  @ApiProperty() raisedAt: Date;
  @ApiProperty({ type: String, nullable: true }) resolvedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) resolvedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) resolutionNote: string | null;
}
