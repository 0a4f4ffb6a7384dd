import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal, isProvinceAdmin, Principal, Roles } from '@app/auth';
import { AppError } from '@app/errors';
import { ApiErrorResponses, ApiPageResponse, PageResponse, ParseIdPipe } from '@app/http';
import { BatchSummary, FraudChecksService, SubsidyPaymentsService, SuspiciousCaseView } from '@app/subsidies';
import { MAX_UPLOAD_BYTES, readUploadedWorkbook } from '../import-export/multipart-upload';
import { XLSX_CONTENT_TYPE, xlsxFile } from '../import-export/xlsx-file';
import {
  FundLedgerQuery, FundLedgerResponse, PaymentBatchListQuery, PaymentBatchResponse, ResolveSuspiciousCaseRequest, ReturnImportResponse,
  SuspiciousCaseListQuery, SuspiciousCaseResponse,
} from './subsidy-payments.dto';

/** Subsidy money and fraud control are the province's (finance and audit): a regional administrator is refused. */
function provinceOnly(principal: Principal): void {
  if (!isProvinceAdmin(principal)) throw new AppError(HttpStatus.FORBIDDEN, 'PROVINCE_ADMIN_ONLY');
}

/** A batch number as the platform makes them; anything else is no batch. */
function batchId(id: string): string {
  if (!/^PB\d{8}[0-9A-F]{8}$/.test(id)) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', { objectType: 'payment batch' });
  return id;
}

@ApiTags('subsidies 补贴发放与疑点')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('subsidies')
export class SubsidyPaymentsController {
  constructor(
    private readonly payments: SubsidyPaymentsService,
    private readonly fraud: FraudChecksService,
  ) {}

  @Post('payment-batches')
  @Roles('admin')
  @ApiOperation({ summary: 'Open a payment batch of every instalment due or failed of approved claims (409 SUBSIDY_NOTHING_DUE when nothing is due); province administrator only' })
  @ApiCreatedResponse({ type: PaymentBatchResponse })
  async create(@CurrentPrincipal() principal: Principal): Promise<BatchSummary> {
    provinceOnly(principal);
    const batch = await this.payments.createBatch(principal.userId);
    if (!batch) throw new AppError(HttpStatus.CONFLICT, 'SUBSIDY_NOTHING_DUE');
    return batch;
  }

  @Get('payment-batches')
  @Roles('admin')
  @ApiOperation({ summary: 'Payment batches, newest first, with paid / failed / pending counts' })
  @ApiPageResponse(PaymentBatchResponse)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: PaymentBatchListQuery): Promise<PageResponse<BatchSummary>> {
    provinceOnly(principal);
    const [items, total] = await this.payments.listBatches(query.offset, query.limit);
    return PageResponse.of(items, total, query);
  }

  @Get('payment-batches/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'One payment batch' })
  @ApiOkResponse({ type: PaymentBatchResponse })
  one(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<BatchSummary> {
    provinceOnly(principal);
    return this.payments.summary(batchId(id));
  }

  @Get('payment-batches/:id/export')
  @Roles('admin')
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: 'The batch as the bank file (.xlsx): 户名, 账号, 开户行, 金额, 用途, 批次号, 流水号' })
  @ApiOkResponse({ description: 'an Excel workbook', schema: { type: 'string', format: 'binary' } })
  async export(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<StreamableFile> {
    provinceOnly(principal);
    const file = await this.payments.exportBatch(batchId(id));
    return xlsxFile(file, `代发明细_${id}.xlsx`, `payment-batch-${id}.xlsx`);
  }

  @Post('payment-batches/:id/return')
  @HttpCode(200)
  @Roles('admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: `the bank's return file (.xlsx: 流水号, 结果, 失败原因), at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` } } } })
  @ApiOperation({ summary: 'Import the bank’s return file: paid, failed (retried in a later batch) or bounced, line by line; a replayed file changes nothing' })
  @ApiOkResponse({ type: ReturnImportResponse })
  async importReturn(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Req() request: FastifyRequest): Promise<ReturnImportResponse> {
    provinceOnly(principal);
    const upload = await readUploadedWorkbook(request);
    return this.payments.importReturn(batchId(id), upload.file);
  }

  @Post('payment-batches/:id/cancel')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Cancel a batch never sent to the bank: its instalments are due again' })
  @ApiOkResponse({ type: PaymentBatchResponse })
  cancel(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<BatchSummary> {
    provinceOnly(principal);
    return this.payments.cancelBatch(batchId(id));
  }

  @Get('fund-ledger')
  @Roles('admin')
  @ApiOperation({ summary: 'The monthly fund ledger: per month and rule, paid, failed, bounced and recovered (fen)' })
  @ApiOkResponse({ type: FundLedgerResponse })
  async ledger(@CurrentPrincipal() principal: Principal, @Query() query: FundLedgerQuery): Promise<FundLedgerResponse> {
    provinceOnly(principal);
    if (query.from > query.to) throw new AppError(HttpStatus.BAD_REQUEST, 'BAD_REQUEST');
    return { lines: await this.payments.ledger(query.from, query.to) };
  }

  @Get('suspicious-cases')
  @Roles('admin')
  @ApiOperation({ summary: 'Suspicious cases (疑点) raised by the fraud checks and the post-payment sample, open ones first' })
  @ApiPageResponse(SuspiciousCaseResponse)
  async cases(@CurrentPrincipal() principal: Principal, @Query() query: SuspiciousCaseListQuery): Promise<PageResponse<SuspiciousCaseView>> {
    provinceOnly(principal);
    const [items, total] = await this.fraud.list({ status: query.status, code: query.code, claimId: query.claimId }, query.offset, query.limit);
    return PageResponse.of(items, total, query);
  }

  @Post('suspicious-cases/:id/resolve')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Resolve a suspicious case with a note (never refuses the claim by itself)' })
  @ApiOkResponse({ type: SuspiciousCaseResponse })
  resolve(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string, @Body() body: ResolveSuspiciousCaseRequest): Promise<SuspiciousCaseView> {
    provinceOnly(principal);
    return this.fraud.resolve(id, body.note, principal.userId);
  }
}
