import { setImmediate } from 'node:timers/promises';
import { backupKeysFor, CHUNK_BYTES, decryptChunks, encryptChunks, newBackupKeys } from './backup-cipher';

const PASSPHRASE = 'a-backup-key-of-at-least-32-characters';
const AAD = Buffer.from('preamble');

/** The buffers as a stream delivers them, one a turn of the event loop. */
async function* once(...buffers: Buffer[]): AsyncGenerator<Buffer> {
  for (const buffer of buffers) {
    await setImmediate();
    yield buffer;
  }
}

async function all(source: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of source) parts.push(part);
  return Buffer.concat(parts);
}

describe('backup encryption', () => {
  // Two and a half chunks, so there are whole chunks and a last, shorter one.
  const plain = Buffer.alloc(CHUNK_BYTES * 2 + CHUNK_BYTES / 2, 7);
  plain.write('the start', 0);

  async function sealed() {
    const keys = await newBackupKeys(PASSPHRASE);
    return { keys, bytes: await all(encryptChunks(keys, AAD)(once(plain.subarray(0, 100), plain.subarray(100)))) };
  }

  it('decrypts what it encrypted, and the same passphrase opens it again', async () => {
    const { keys, bytes } = await sealed();
    expect(bytes.includes(Buffer.from('the start'))).toBe(false);
    const reopened = await backupKeysFor(PASSPHRASE, keys.parameters);
    expect((await all(decryptChunks(reopened, AAD)(once(bytes)))).equals(plain)).toBe(true);
  });

  it('refuses the wrong passphrase before reading any chunk', async () => {
    const { keys } = await sealed();
    await expect(backupKeysFor(`${PASSPHRASE}-other`, keys.parameters)).rejects.toThrow(
      /BACKUP_KEY is not the key this backup was made with/,
    );
  });

  it('refuses a file cut short, even exactly between two chunks', async () => {
    const { keys, bytes } = await sealed();
    const frame = 4 + CHUNK_BYTES + 16;
    for (const length of [frame, 2 * frame, 2 * frame + 10, bytes.length - 1]) {
      await expect(all(decryptChunks(keys, AAD)(once(bytes.subarray(0, length))))).rejects.toThrow(/cut short/);
    }
  });

  it('refuses a flipped byte anywhere, a changed preamble and data after the end', async () => {
    const { keys, bytes } = await sealed();
    for (const position of [0, 3, 4, 100, CHUNK_BYTES + 10, bytes.length - 1]) {
      const altered = Buffer.from(bytes);
      altered[position] ^= 0x01;
      await expect(all(decryptChunks(keys, AAD)(once(altered)))).rejects.toThrow(/altered|cut short/);
    }
    await expect(all(decryptChunks(keys, Buffer.from('preamblf'))(once(bytes)))).rejects.toThrow(/altered/);
    await expect(all(decryptChunks(keys, AAD)(once(bytes, Buffer.from([0, 0, 0, 0]))))).rejects.toThrow(
      /after its last chunk/,
    );
  });

  it('refuses chunks swapped in place', async () => {
    const { keys, bytes } = await sealed();
    const frame = 4 + CHUNK_BYTES + 16;
    const swapped = Buffer.concat([
      bytes.subarray(frame, 2 * frame),
      bytes.subarray(0, frame),
      bytes.subarray(2 * frame),
    ]);
    await expect(all(decryptChunks(keys, AAD)(once(swapped)))).rejects.toThrow(/chunk 0 fails/);
  });
});
