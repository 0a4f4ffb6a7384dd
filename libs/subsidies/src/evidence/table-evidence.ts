import type { EvidencePort } from '../persistence/evidence-snapshot.entity';
import { EvidenceRecords, ImportProblem, PORT_COLUMNS, recordsFromRows } from './ports';
import { readCsv, readWorkbook } from './tables';

/** A port's answer about one subject: its records (none is an answer too), or unavailable (the evidence is unknown). */
export type PortAnswer<P extends EvidencePort> =
  | { port: P; subjectKey: string; available: true; records: EvidenceRecords[P][]; source: string; fetchedAt: Date }
  | { port: P; subjectKey: string; available: false; zh: string; en: string };

/** Where the rules' evidence comes from: one lookup per port and subject (an ID number, a credit code, a payment key). */
export interface EvidenceSource {
  lookup<P extends EvidencePort>(port: P, subject: string): Promise<PortAnswer<P>>;
}

/**
 * The import adapter of every port: the Excel/CSV files a county office receives, held in memory and keyed by
 * subject (`keyOf`: the blind index of an ID number in the app, the plain value in tests). It is also the stub: load
 * it with fixtures. A port with no file loaded answers "unavailable", so its checks are unknown and go to a person.
 */
export class TableEvidence implements EvidenceSource {
  private readonly tables = new Map<EvidencePort, { source: string; loadedAt: Date; bySubject: Map<string, unknown[]> }>();

  constructor(
    private readonly keyOf: (subject: string) => string = (subject) => subject,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Replaces a port's table with these records. */
  load<P extends EvidencePort>(port: P, records: readonly EvidenceRecords[P][], source: string): void {
    const subject = PORT_COLUMNS[port].subject;
    const bySubject = new Map<string, unknown[]>();
    for (const record of records) {
      const key = this.keyOf(String(record[subject]));
      const list = bySubject.get(key);
      if (list) list.push(record);
      else bySubject.set(key, [record]);
    }
    this.tables.set(port, { source, loadedAt: this.now(), bySubject });
  }

  /** Imports an .xlsx or .csv file into a port; rows with problems are left out and reported. */
  async importFile<P extends EvidencePort>(port: P, file: Buffer, fileName: string): Promise<{ records: number; problems: ImportProblem[] }> {
    const rows = /\.xlsx$/i.test(fileName) ? await readWorkbook(file) : readCsv(file.toString('utf8'));
    const { records, problems } = recordsFromRows(port, rows);
    this.load(port, records.map(({ row: _row, ...record }) => record as unknown as EvidenceRecords[P]), `file:${fileName}`);
    return { records: records.length, problems };
  }

  /** The answer names its subject by key only (`keyOf`), so a snapshot of it holds no plain ID number. */
  async lookup<P extends EvidencePort>(port: P, subject: string): Promise<PortAnswer<P>> {
    const subjectKey = this.keyOf(subject);
    const table = this.tables.get(port);
    if (!table) return { port, subjectKey, available: false, zh: '该数据源尚未导入数据', en: 'No data has been imported for this source' };
    const records = (table.bySubject.get(subjectKey) ?? []) as EvidenceRecords[P][];
    return { port, subjectKey, available: true, records, source: table.source, fetchedAt: table.loadedAt };
  }
}
