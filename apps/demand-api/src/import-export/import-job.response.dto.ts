import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_MODES, IMPORT_STATUSES, ImportJob, ImportReport } from '@app/employer-demand';
import type { Language } from '@app/errors';

export class ImportOccupationSuggestionResponse {
  @ApiProperty({ example: '4-03-02-01' }) code: string;
  @ApiProperty({ example: '中式烹调师' }) name: string;
  @ApiProperty({ example: 1 }) confidence: number;
}

export class ImportProblemResponse {
  @ApiProperty({ description: 'spreadsheet row number', example: 12 }) row: number;
  @ApiProperty({ description: 'column header, as the workbook has it', example: '职业编码' }) column: string;
  @ApiProperty({ description: 'in the language of the request (Accept-Language)', example: '职业编码“9-99-99-99”不存在' }) message: string;
  @ApiPropertyOptional({ type: ImportOccupationSuggestionResponse, description: 'blank occupation code: the occupation the row\'s title suggests, to confirm' })
  suggestion?: ImportOccupationSuggestionResponse;
}

export class ImportLocationResponse {
  @ApiProperty({ description: 'spreadsheet row number', example: 12 }) row: number;
  @ApiPropertyOptional({ enum: ['point', 'township', 'district', 'city'], nullable: true }) precision: string | null;
  @ApiProperty({ enum: ['given', 'township', 'address', 'region', 'none'] }) basis: string;
  @ApiProperty({ description: 'in the language of the request (Accept-Language)', example: '定位到：海口市秀英区长流镇（区县级）' }) message: string;
}

export class ImportReportResponse {
  @ApiProperty({ enum: IMPORT_MODES }) mode: string;
  @ApiProperty({ description: 'data rows in the workbook' }) total: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty({ description: 'rows with at least one problem (not written)' }) failed: number;
  @ApiProperty({ type: [ImportProblemResponse], description: 'every problem, by row (at most 5000 listed)' }) errors: ImportProblemResponse[];
  @ApiProperty({ type: [ImportLocationResponse], description: 'how each written row was located (at most 5000 listed)' })
  locations: ImportLocationResponse[];

  /** The report with each message in `language` (problems stored without an English text keep the Chinese). */
  static of(report: ImportReport, language: Language): ImportReportResponse {
    const en = language === 'en';
    return Object.assign(new ImportReportResponse(), {
      ...report,
      errors: report.errors.map(({ messageEn, ...problem }) => ({ ...problem, message: en && messageEn ? messageEn : problem.message })),
      locations: report.locations.map(({ messageEn, ...location }) => ({ ...location, message: en && messageEn ? messageEn : location.message })),
    });
  }
}

export class ImportJobResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: IMPORT_STATUSES }) status: string;
  @ApiProperty({ enum: IMPORT_MODES }) mode: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ description: 'data rows in the workbook' }) total: number;
  @ApiProperty({ description: 'rows handled so far' }) processed: number;
  @ApiProperty({ description: 'percent done, 0–100' }) progress: number;
  @ApiPropertyOptional({ type: ImportReportResponse, nullable: true, description: 'when done' }) report: ImportReportResponse | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'why the import failed as a whole' }) failureReason: string | null;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ nullable: true, type: Date }) finishedAt: Date | null;

  static of(job: ImportJob, language: Language): ImportJobResponse {
    const { id, status, mode, fileName, total, processed, created, updated, failed, errors, locations, failureReason, createdAt, finishedAt } = job;
    return Object.assign(new ImportJobResponse(), {
      id, status, mode, fileName, total, processed, failureReason, createdAt, finishedAt,
      progress: total ? Math.floor((processed / total) * 100) : 0,
      report: status === 'done' ? ImportReportResponse.of({ mode, total, created, updated, failed, errors, locations }, language) : null,
    });
  }
}
