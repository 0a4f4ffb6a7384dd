import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource } from 'typeorm';
import { OutboxService } from '@app/database';
import { ShortageTransition } from '../shortage-transition.entity';
import { Shortage } from '../shortage.entity';
import type { ShortageInput } from '../shortages.service';

export const IMPORTED_REASON = '登记缺工需求（Excel 导入）';

/**
 * Writes many shortages in a few statements, with what ShortagesService writes for each one: a new shortage is a
 * draft with its first transition and an outbox row; an edited one gets an outbox row. The caller has checked
 * scope, the employer and the edit rules (ShortageImportService).
 */
@Injectable()
export class ShortageBulkWriter {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** Creates draft shortages; returns their ids in input order. */
  async create(inputs: ShortageInput[], actorId: string): Promise<string[]> {
    if (inputs.length === 0) return [];
    const ids = inputs.map(() => randomUUID());
    const tx = this.txHost.tx;
    await tx
      .createQueryBuilder()
      .insert()
      .into(Shortage)
      .values(inputs.map((input, i) => ({ ...input, id: ids[i], status: 'draft' as const, createdBy: actorId })))
      .updateEntity(false)
      .execute();
    await tx
      .createQueryBuilder()
      .insert()
      .into(ShortageTransition)
      .values(ids.map((shortageId) => ({ shortageId, fromStatus: null, toStatus: 'draft' as const, reason: IMPORTED_REASON, actorId })))
      .updateEntity(false)
      .execute();
    await this.recordChanged(ids);
    return ids;
  }

  /**
   * Applies edits to shortages that need no new screening (drafts and those awaiting review), in one UPDATE that
   * reads the new values from a JSON array of records.
   */
  async update(changes: { id: string; input: Omit<ShortageInput, 'employerId'> }[]): Promise<void> {
    if (changes.length === 0) return;
    const tx = this.txHost.tx;
    const columns = editableColumns(tx.connection);
    const records = changes.map(({ id, input }) => {
      const record: Record<string, unknown> = { id };
      for (const column of columns) record[column.name] = input[column.property] ?? null;
      return record;
    });
    await tx.query(
      `UPDATE shortage AS s SET ${columns.map((c) => `${c.name} = v.${c.name}`).join(', ')}, updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, ${columns.map((c) => `${c.name} ${c.type}`).join(', ')})
        WHERE s.id = v.id`,
      [JSON.stringify(records)],
    );
    await this.recordChanged(changes.map((change) => change.id));
  }

  private async recordChanged(ids: string[]): Promise<void> {
    await OutboxService.writeMany(this.txHost.tx, 'shortage.changed', ids);
  }
}

type EditableField = keyof Omit<ShortageInput, 'employerId' | 'externalRef'>;
interface EditableColumn {
  property: EditableField;
  name: string;
  type: string;
}

let editable: EditableColumn[] | undefined;

/** What an import may change, with the column names and SQL types taken from the entity's metadata. */
function editableColumns(dataSource: DataSource): EditableColumn[] {
  return (editable ??= EDITABLE_FIELDS.map((property) => {
    const column = dataSource.getMetadata(Shortage).findColumnWithPropertyName(property)!;
    const type = dataSource.driver.normalizeType(column);
    return { property, name: column.databaseName, type: column.isArray ? `${type}[]` : type };
  }));
}

/** Every field a row sets, once (the type makes sure none is forgotten when the entity grows). */
const EDITABLE: Record<EditableField, true> = {
  title: true, occupationCode: true, industryCode: true, headcount: true, requiredSkills: true, preferredSkills: true,
  requiredCertificates: true, minSkillLevel: true, education: true, experienceYears: true, wageMin: true, wageMax: true, payBasis: true,
  workType: true, shifts: true, regionCode: true, address: true, lat: true, lng: true, locationPrecision: true, startDate: true, deadline: true,
  trainingOffered: true, acceptsTrainees: true, urgency: true, openToDisabled: true, policyDirection: true, description: true,
};
const EDITABLE_FIELDS = Object.keys(EDITABLE) as EditableField[];
