import { createHash } from 'node:crypto';

const NEWLINE = 0x0a;
const MOD = 1n << 64n;

/**
 * Count and checksum of a table's rows from its COPY text (one row a line; newlines inside values
 * are escaped): the sum, modulo 2^64, of each row's SHA-256 prefix. A sum does not depend on the
 * order the rows come in, so a restored table checks out against its backup however it is stored.
 */
export class RowChecksum {
  private rows = 0;
  private sum = 0n;
  private partial: Buffer[] = [];

  update(chunk: Buffer): void {
    let start = 0;
    let end = chunk.indexOf(NEWLINE, start);
    while (end !== -1) {
      const line = chunk.subarray(start, end);
      this.addRow(this.partial.length > 0 ? Buffer.concat([...this.partial, line]) : line);
      this.partial = [];
      start = end + 1;
      end = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) this.partial.push(chunk.subarray(start));
  }

  result(): { rows: number; checksum: string } {
    if (this.partial.length > 0) throw new Error('COPY text ended in the middle of a row');
    return { rows: this.rows, checksum: this.sum.toString(16).padStart(16, '0') };
  }

  private addRow(line: Buffer): void {
    this.rows++;
    this.sum = (this.sum + createHash('sha256').update(line).digest().readBigUInt64BE(0)) % MOD;
  }
}
