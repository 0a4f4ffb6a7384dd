import { Injectable } from '@nestjs/common';
import { Clock } from '@app/clock';
import { FieldCipher } from '@app/crypto';
import { TableEvidence } from '../evidence';

/**
 * The evidence the claim workflow reads: the import adapter of every port (`TableEvidence`), keyed by the blind index
 * of the ID number, so a lookup and a snapshot name nobody in plain. A port with no file loaded answers "unavailable"
 * and its checks stay unknown for a person. Loaded from the offices' files (`tables.importFile`) or, in the demo and
 * tests, with fixtures.
 */
@Injectable()
export class ClaimEvidence {
  readonly tables: TableEvidence;

  constructor(cipher: FieldCipher, clock: Clock) {
    this.tables = new TableEvidence((idNumber) => cipher.blindIndex(idNumber), () => clock.now());
  }
}
