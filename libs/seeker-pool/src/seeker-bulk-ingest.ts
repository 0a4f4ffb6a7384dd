import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { EntityManager } from 'typeorm';
import { FieldCipher } from '@app/crypto';
import { OutboxService } from '@app/database';
import { isMobileNumber, parseResidentId } from '@app/identifiers';
import { Taxonomy } from '@app/taxonomy';
import { PriorityGroupClaim, SeekerCertificate, SeekerExperience, SeekerSkill } from './seeker.entity';

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

/** The seeker columns a bulk ingest writes, in COPY order (id, registered_by and the timestamps take their defaults). */
const COLUMNS = [
  'name', 'resident_id_encrypted', 'resident_id_hash', 'phone_encrypted', 'phone_hash', 'gender', 'birth_date', 'region_code',
  'address', 'lat', 'lng', 'location_precision', 'travel_radius_km', 'desired_occupations', 'skills', 'certificates', 'skill_level', 'education',
  'experience', 'wage_expectation', 'available_from', 'work_types', 'languages', 'priority_groups', 'consent_sensitive_matching',
].join(', ');

/** Rows validated and encrypted between two yields to the event loop, so the previous chunk's statements keep flowing. */
const SLICE = 500;

/**
 * Writes validated seekers inside the caller's transaction (one is opened when there is none), with the ID number
 * and phone encrypted and blind-indexed, and one `seeker.changed` outbox row per written seeker so the index
 * follows. Rows with problems are skipped and reported; so is a repeated ID number within the rows (the first
 * one is kept) and an ID number already registered (ON CONFLICT on the blind index). Problems come in row order;
 * a caller wanting all-or-nothing rolls its transaction back when any are reported.
 *
 * Each chunk of `chunkSize` rows is streamed with COPY into a temporary table (small enough to stay in temp_buffers)
 * and written with one INSERT … SELECT that also writes the outbox rows and returns the rows that conflicted; the
 * next chunk is validated and encrypted while PostgreSQL writes the previous one.
 */
export async function ingestSeekers(
  manager: EntityManager,
  rows: SeekerIngestRow[],
  cipher: FieldCipher,
  taxonomy: Taxonomy,
  chunkSize = 2_500,
): Promise<{ inserted: number; problems: IngestProblem[] }> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) return manager.transaction((tx) => ingestSeekers(tx, rows, cipher, taxonomy, chunkSize));
  const client = (await runner.connect()) as PoolClient;

  const problems: IngestProblem[] = [];
  const firstIndexByHash = new Map<string, number>();
  /** Validates, de-duplicates and encrypts rows [start, end) into COPY lines; problems are collected on the way. */
  const stage = async (start: number, end: number): Promise<string[]> => {
    const lines: string[] = [];
    for (let index = start; index < end; index++) {
      if (index > start && (index - start) % SLICE === 0) await yieldToEventLoop();
      const row = rows[index];
      const rowProblems = validateSeekerRow(row, index, taxonomy);
      if (rowProblems.length) {
        problems.push(...rowProblems);
        continue;
      }
      const residentIdHash = cipher.blindIndex(row.residentId);
      if (firstIndexByHash.has(residentIdHash)) {
        problems.push({ index, field: 'residentId', message: '身份证号码在本批数据中重复' });
        continue;
      }
      firstIndexByHash.set(residentIdHash, index);
      lines.push(copyLine(index, row, residentIdHash, cipher));
    }
    return lines;
  };

  let inserted = 0;
  const write = async (lines: string[]): Promise<void> => {
    if (lines.length === 0) return;
    const copy = client.query(copyFrom('COPY seeker_ingest FROM STDIN'));
    await new Promise<void>((resolve, reject) => copy.on('error', reject).on('finish', resolve).end(lines.join('')));
    const { rows: conflicts } = await client.query<{ idx: number }>(WRITE_STAGED);
    await client.query('TRUNCATE seeker_ingest');
    inserted += lines.length - conflicts.length;
    for (const { idx } of conflicts) problems.push({ index: idx, field: 'residentId', message: '该身份证号码已登记过求职信息' });
  };

  await client.query(`CREATE TEMP TABLE seeker_ingest ON COMMIT DROP AS SELECT 0 AS idx, ${COLUMNS} FROM seeker WITH NO DATA`);
  let writing: Promise<void> = Promise.resolve();
  for (let start = 0; start < rows.length; start += chunkSize) {
    const lines = await stage(start, Math.min(start + chunkSize, rows.length));
    await writing;
    writing = write(lines);
    writing.catch(() => undefined); // awaited next round; meanwhile a failure must not count as unhandled
  }
  await writing;
  await client.query('DROP TABLE seeker_ingest');
  return { inserted, problems: problems.sort((a, b) => a.index - b.index) };
}

/** Writes the staged rows and their outbox rows in one statement; returns the staged rows an existing seeker blocked. */
const WRITE_STAGED = `
  WITH written AS (
    INSERT INTO seeker (${COLUMNS}) SELECT ${COLUMNS} FROM seeker_ingest
    ON CONFLICT DO NOTHING RETURNING id, resident_id_hash
  ), outbox AS (
    ${OutboxService.insertFromSql('seeker.changed', 'SELECT id FROM written')}
  )
  SELECT idx FROM seeker_ingest s WHERE NOT EXISTS (SELECT FROM written w WHERE w.resident_id_hash = s.resident_id_hash)`;

/** One validated row as a line of PostgreSQL's COPY text format, in the order idx, COLUMNS. */
function copyLine(index: number, row: SeekerIngestRow, residentIdHash: string, cipher: FieldCipher): string {
  const identity = parseResidentId(row.residentId)!;
  const phone = row.phone;
  return [
    index, row.name, cipher.encrypt(row.residentId), residentIdHash,
    phone ? cipher.encrypt(phone) : null, phone ? cipher.blindIndex(phone) : null, identity.gender, identity.birthDate, row.regionCode,
    // Coordinates in a bulk row are a point; rows without them are located later by `geo:backfill`.
    row.address, row.lat, row.lng, row.lat !== null && row.lng !== null ? 'point' : null, row.travelRadiusKm, textArray(row.desiredOccupations), json(row.skills), json(row.certificates),
    row.skillLevel, row.education, json(row.experience), row.wageExpectation, row.availableFrom, textArray(row.workTypes),
    textArray(row.languages), json(row.priorityGroups), row.consentSensitiveMatching,
  ].map(copyValue).join('\t') + '\n';
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const SPECIALS = /[\\\t\n\r]/g;

/** A field in COPY text format: `\N` for null, backslash escapes for backslash, tab, newline and carriage return. */
function copyValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  return typeof value === 'string' ? value.replace(SPECIALS, (c) => COPY_ESCAPES[c]) : String(value);
}

/** A text[] literal: every element double-quoted, backslash and double quote escaped. */
function textArray(values: string[] | null | undefined): string | null {
  if (!values) return null;
  return `{${values.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
}

const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));
