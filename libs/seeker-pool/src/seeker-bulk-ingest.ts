import { EntityManager } from 'typeorm';
import { FieldCipher } from '@app/crypto';
import { OutboxEvent } from '@app/database';
import { isMobileNumber, parseResidentId } from '@app/identifiers';
import { Taxonomy } from '@app/taxonomy';
import { PriorityGroupClaim, Seeker, SeekerCertificate, SeekerExperience, SeekerSkill } from './seeker.entity';

/** One seeker as a bulk source (an import file, a migration from another system) delivers it. */
export interface SeekerIngestRow {
  name: string;
  residentId: string;
  phone: string | null;
  regionCode: string;
  address: string;
  lat: number | null;
  lng: number | null;
  travelRadiusKm: number;
  desiredOccupations: string[];
  skills: SeekerSkill[];
  certificates: SeekerCertificate[];
  skillLevel: number | null;
  education: string | null;
  experience: SeekerExperience[];
  wageExpectation: number | null;
  availableFrom: string | null;
  workTypes: string[];
  languages: string[];
  priorityGroups: PriorityGroupClaim[];
  consentSensitiveMatching: boolean;
}

export interface IngestProblem {
  index: number;
  field: string;
  message: string;
}

/** Validates a row the way the API does; returns the problems (empty when the row is good). */
export function validateSeekerRow(row: SeekerIngestRow, index: number, taxonomy: Taxonomy): IngestProblem[] {
  const problems: IngestProblem[] = [];
  if (!row.name?.trim()) problems.push({ index, field: 'name', message: '姓名不能为空' });
  if (!parseResidentId(row.residentId)) problems.push({ index, field: 'residentId', message: '身份证号码无效' });
  if (row.phone !== null && !isMobileNumber(row.phone)) problems.push({ index, field: 'phone', message: '手机号码无效' });
  if (!taxonomy.region(row.regionCode)) problems.push({ index, field: 'regionCode', message: `行政区划代码“${row.regionCode}”不存在` });
  for (const code of row.desiredOccupations) {
    if (!taxonomy.occupation(code)) problems.push({ index, field: 'desiredOccupations', message: `职业编码“${code}”不存在` });
  }
  return problems;
}

/**
 * Writes validated seekers in multi-row INSERTs inside the caller's transaction, with the ID number and phone
 * encrypted and blind-indexed, and one outbox row each so the index follows. Rows with problems are skipped
 * and reported; an ID number already registered is reported too (ON CONFLICT on the blind index).
 */
export async function ingestSeekers(
  manager: EntityManager,
  rows: SeekerIngestRow[],
  cipher: FieldCipher,
  taxonomy: Taxonomy,
  chunkSize = 1000,
): Promise<{ inserted: number; problems: IngestProblem[] }> {
  const problems: IngestProblem[] = [];
  let inserted = 0;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const values: Partial<Seeker>[] = [];
    const indexByHash = new Map<string, number>();
    rows.slice(start, start + chunkSize).forEach((row, offset) => {
      const index = start + offset;
      const rowProblems = validateSeekerRow(row, index, taxonomy);
      if (rowProblems.length) return void problems.push(...rowProblems);
      const identity = parseResidentId(row.residentId)!;
      const { residentId, phone, ...profile } = row;
      const residentIdHash = cipher.blindIndex(residentId);
      if (indexByHash.has(residentIdHash)) return void problems.push({ index, field: 'residentId', message: '身份证号码在本批数据中重复' });
      indexByHash.set(residentIdHash, index);
      values.push({
        ...profile,
        residentIdEncrypted: cipher.encrypt(residentId),
        residentIdHash,
        phoneEncrypted: phone ? cipher.encrypt(phone) : null,
        phoneHash: phone ? cipher.blindIndex(phone) : null,
        gender: identity.gender,
        birthDate: identity.birthDate,
      });
    });
    if (values.length === 0) continue;
    const result = await manager.createQueryBuilder().insert().into(Seeker).values(values).orIgnore().returning(['id', 'residentIdHash']).execute();
    const written = result.raw as { id: string; resident_id_hash: string }[];
    inserted += written.length;
    if (written.length < values.length) {
      const writtenHashes = new Set(written.map((row) => row.resident_id_hash));
      for (const [hash, index] of indexByHash) {
        if (!writtenHashes.has(hash)) problems.push({ index, field: 'residentId', message: '该身份证号码已登记过求职信息' });
      }
    }
    if (written.length) await manager.insert(OutboxEvent, written.map((row) => ({ topic: 'seeker.changed', aggregateId: row.id })));
  }
  return { inserted, problems };
}
