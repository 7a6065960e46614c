import { setImmediate } from 'node:timers/promises';
import { encodeJsonRecord, encodeRecord, readRecords, RecordType } from './archive-records';
import { BackupError } from './backup-error';

/** The bytes cut at `cuts`, one piece a turn of the event loop, as a stream delivers them. */
async function* pieces(bytes: Buffer, cuts: number[]): AsyncGenerator<Buffer> {
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    await setImmediate();
    yield bytes.subarray(start, cut);
    start = cut;
  }
}

async function collect(source: AsyncIterable<Buffer>) {
  const records = [];
  for await (const record of readRecords(source))
    records.push({ type: record.type, payload: record.payload.toString('utf8') });
  return records;
}

describe('archive records', () => {
  const stream = Buffer.concat([
    encodeJsonRecord(RecordType.Table, { name: 'tenants', columns: ['id'] }),
    encodeRecord(RecordType.Data, Buffer.from('a\tb\n')),
    encodeRecord(RecordType.End),
    encodeJsonRecord(RecordType.Manifest, { tables: [] }),
  ]);
  const expected = [
    { type: RecordType.Table, payload: '{"name":"tenants","columns":["id"]}' },
    { type: RecordType.Data, payload: 'a\tb\n' },
    { type: RecordType.End, payload: '' },
    { type: RecordType.Manifest, payload: '{"tables":[]}' },
  ];

  it('reads back what was written, however the bytes are cut into chunks', async () => {
    await expect(collect(pieces(stream, []))).resolves.toEqual(expected);
    for (let cut = 1; cut < stream.length; cut++) {
      await expect(collect(pieces(stream, [cut]))).resolves.toEqual(expected);
    }
    const everyByte = Array.from({ length: stream.length - 1 }, (_, i) => i + 1);
    await expect(collect(pieces(stream, everyByte))).resolves.toEqual(expected);
  });

  it('refuses a stream cut inside a record', async () => {
    for (const length of [1, 4, 7, stream.length - 1]) {
      await expect(collect(pieces(stream.subarray(0, length), []))).rejects.toThrow(BackupError);
    }
  });

  it('refuses an unknown record type', async () => {
    const bad = Buffer.from(stream);
    bad[0] = 99;
    await expect(collect(pieces(bad, []))).rejects.toThrow(/unknown record \(type 99/);
  });
});
