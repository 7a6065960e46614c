import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { BackupError } from './backup-error';

/**
 * Authenticated encryption of a backup in chunks (the STREAM construction with AES-256-GCM): each
 * chunk has its own tag, and its nonce holds its index and whether it is the last, so a chunk
 * changed, moved, dropped or cut off at the end is refused. The cleartext preamble (format,
 * schema version, key derivation) is the additional data of every chunk, so it cannot be altered either.
 *
 * On disk: preamble, then frames of `ciphertext length (4 bytes) | ciphertext | tag (16 bytes)`.
 */
export const CHUNK_BYTES = 1024 * 1024;
const TAG_BYTES = 16;
const NONCE_PREFIX_BYTES = 7;
/** scrypt, so a passphrase-like BACKUP_KEY still costs a guesser ~100 ms a try. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
export const MIN_KEY_LENGTH = 32;

export interface KeyDerivation {
  algorithm: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
}

export interface CipherParameters {
  kdf: KeyDerivation;
  /** Lets a restore say "wrong BACKUP_KEY" rather than "altered file" for the wrong key. */
  keyCheck: string;
  noncePrefix: string;
}

export interface BackupKeys {
  encryption: Buffer;
  parameters: CipherParameters;
}

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  length: number,
  options: object,
) => Promise<Buffer>;

async function derive(passphrase: string, kdf: KeyDerivation): Promise<{ encryption: Buffer; keyCheck: string }> {
  const material = await scryptAsync(passphrase, Buffer.from(kdf.salt, 'base64'), 64, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: SCRYPT.maxmem,
  });
  const keyCheck = createHmac('sha256', material.subarray(32))
    .update('lianmeng-backup-key-check')
    .digest()
    .subarray(0, 16)
    .toString('base64');
  return { encryption: material.subarray(0, 32), keyCheck };
}

/** Fresh keys for one new backup: a salt and nonce prefix of its own. */
export async function newBackupKeys(passphrase: string): Promise<BackupKeys> {
  const kdf: KeyDerivation = {
    algorithm: 'scrypt',
    N: SCRYPT.N,
    r: SCRYPT.r,
    p: SCRYPT.p,
    salt: randomBytes(16).toString('base64'),
  };
  const { encryption, keyCheck } = await derive(passphrase, kdf);
  return { encryption, parameters: { kdf, keyCheck, noncePrefix: randomBytes(NONCE_PREFIX_BYTES).toString('base64') } };
}

/** The key of an existing backup; the wrong passphrase is refused here, before any chunk is read. */
export async function backupKeysFor(passphrase: string, parameters: CipherParameters): Promise<BackupKeys> {
  const { kdf } = parameters;
  if (kdf?.algorithm !== 'scrypt' || kdf.N > 2 ** 20 || kdf.r > 32 || kdf.p > 16)
    throw new BackupError('The backup names a key derivation this version does not support');
  const { encryption, keyCheck } = await derive(passphrase, kdf);
  const expected = Buffer.from(parameters.keyCheck, 'base64');
  const actual = Buffer.from(keyCheck, 'base64');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw new BackupError(
      'BACKUP_KEY is not the key this backup was made with: nothing was restored. Set the BACKUP_KEY in force when it was made.',
    );
  }
  return { encryption, parameters };
}

function nonce(prefix: Buffer, index: number, last: boolean): Buffer {
  const value = Buffer.alloc(12);
  prefix.copy(value, 0);
  value.writeUInt32BE(index, NONCE_PREFIX_BYTES);
  value.writeUInt8(last ? 1 : 0, 11);
  return value;
}

function sealChunk(keys: BackupKeys, aad: Buffer, index: number, last: boolean, plain: Buffer): Buffer {
  const cipher = createCipheriv(
    'aes-256-gcm',
    keys.encryption,
    nonce(Buffer.from(keys.parameters.noncePrefix, 'base64'), index, last),
  );
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  return Buffer.concat([length, body, cipher.getAuthTag()]);
}

/** Encrypts a plaintext stream into frames of CHUNK_BYTES; the last frame is marked, even when empty. */
export function encryptChunks(keys: BackupKeys, aad: Buffer) {
  return async function* encrypt(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let index = 0;
    for await (const piece of source) {
      pending.push(piece);
      pendingBytes += piece.length;
      while (pendingBytes >= CHUNK_BYTES) {
        const all = Buffer.concat(pending);
        yield sealChunk(keys, aad, index++, false, all.subarray(0, CHUNK_BYTES));
        pending = [all.subarray(CHUNK_BYTES)];
        pendingBytes = all.length - CHUNK_BYTES;
      }
    }
    yield sealChunk(keys, aad, index, true, Buffer.concat(pending));
  };
}

const CUT_SHORT = 'The backup is cut short (its last chunk is missing): nothing was restored.';
const ALTERED = 'The backup was altered or damaged (chunk %d fails its authentication): nothing was restored.';

/**
 * Decrypts frames back into plaintext, verifying each chunk's tag before handing it on; a stream
 * that ends before the last chunk, or goes on after it, is refused.
 */
export function decryptChunks(keys: BackupKeys, aad: Buffer) {
  const prefix = Buffer.from(keys.parameters.noncePrefix, 'base64');
  return async function* decrypt(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    let pending: Buffer = Buffer.alloc(0);
    let index = 0;
    let finished = false;
    for await (const piece of source) {
      pending = pending.length === 0 ? piece : Buffer.concat([pending, piece]);
      while (pending.length >= 4) {
        if (finished)
          throw new BackupError('The backup has data after its last chunk: it was altered. Nothing was restored.');
        const length = pending.readUInt32BE(0);
        if (length > CHUNK_BYTES) throw new BackupError(ALTERED.replace('%d', String(index)));
        if (pending.length < 4 + length + TAG_BYTES) break;
        const body = pending.subarray(4, 4 + length);
        const tag = pending.subarray(4 + length, 4 + length + TAG_BYTES);
        pending = pending.subarray(4 + length + TAG_BYTES);
        const plain = openChunk(keys.encryption, prefix, aad, index, body, tag);
        index++;
        if (plain.last) finished = true;
        if (plain.data.length > 0) yield plain.data;
      }
    }
    if (!finished)
      throw new BackupError(
        pending.length > 0 || index > 0 ? CUT_SHORT : 'The backup holds no data: nothing was restored.',
      );
  };
}

/** A chunk is the last one if it authenticates as such; either way it must authenticate. */
function openChunk(
  key: Buffer,
  prefix: Buffer,
  aad: Buffer,
  index: number,
  body: Buffer,
  tag: Buffer,
): { data: Buffer; last: boolean } {
  for (const last of [false, true]) {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce(prefix, index, last));
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    try {
      return { data: Buffer.concat([decipher.update(body), decipher.final()]), last };
    } catch {
      // Not with this flag; try the other, then give up.
    }
  }
  throw new BackupError(ALTERED.replace('%d', String(index)));
}
