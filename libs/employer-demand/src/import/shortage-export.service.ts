import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Principal } from '@app/auth';
import { Employer } from '../employer.entity';
import { ShortageDirectory, ShortageFilter } from '../shortage-directory.service';
import { buildShortageExport } from './shortage-workbook';

/** An export holds at most this many shortages (the first ones in the requested order). */
export const MAX_EXPORT_ROWS = 50_000;

export interface ShortageExport {
  file: Buffer;
  /** Shortages matching the filter. */
  total: number;
  /** Shortages in the file (at most MAX_EXPORT_ROWS). */
  exported: number;
}

/** Shortages in the caller's scope, filtered like the list, as a workbook in the import template's layout. */
@Injectable()
export class ShortageExportService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly directory: ShortageDirectory,
  ) {}

  async export(principal: Principal, filter: Omit<ShortageFilter, 'offset' | 'limit'>): Promise<ShortageExport> {
    const [shortages, total] = await this.directory.list(principal, { ...filter, offset: 0, limit: MAX_EXPORT_ROWS });
    const employerIds = [...new Set(shortages.map((s) => s.employerId))];
    const employers = employerIds.length
      ? await this.txHost.tx
          .getRepository(Employer)
          .createQueryBuilder('e')
          .select(['e.id', 'e.name', 'e.creditCode'])
          .where('e.id = ANY(:ids)', { ids: employerIds })
          .getMany()
      : [];
    const byId = new Map(employers.map((e) => [e.id, e]));
    const workbook = buildShortageExport(shortages.map((shortage) => ({ shortage, employer: byId.get(shortage.employerId) })));
    return { file: Buffer.from(await workbook.xlsx.writeBuffer()), total, exported: shortages.length };
  }
}
