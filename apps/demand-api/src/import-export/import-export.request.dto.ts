import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IMPORT_MODES, ImportMode } from '@app/employer-demand';
import { ShortageListQuery } from '../shortages/shortage.request.dto';

export class ImportQuery {
  @ApiPropertyOptional({ enum: IMPORT_MODES, default: 'partial', description: 'partial: good rows are kept; all_or_nothing: one bad row and nothing is written' })
  @IsOptional() @IsIn(IMPORT_MODES)
  mode: ImportMode = 'partial';
}

/** The list's filters without paging: an export holds every match, up to MAX_EXPORT_ROWS. */
export class ShortageExportQuery extends OmitType(ShortageListQuery, ['offset', 'limit'] as const) {}
