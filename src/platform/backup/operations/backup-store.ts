import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Environment } from '../../config/environment';
import { lazyS3Client, type S3Connection } from '../../storage/lazy-s3-client';
import { backupTimeOf } from '../backup-names';

export interface StoredBackup {
  name: string;
  createdAt: Date;
}

/** A backup file at hand on this machine; `release` removes a downloaded copy. */
export interface LocalCopy {
  path: string;
  release(): Promise<void>;
}

/**
 * Where the worker keeps its backups. A backup is always written to a local file first (createBackup
 * streams to disk); `keep` makes it the store's, `list` and `remove` serve the retention, `open`
 * gives a local copy to verify.
 */
export interface BackupStore {
  /** The directory createBackup writes into. */
  workDirectory(): Promise<string>;
  keep(path: string, name: string): Promise<string>;
  list(): Promise<StoredBackup[]>;
  remove(name: string): Promise<void>;
  open(name: string): Promise<LocalCopy>;
}

function backupsOf(names: string[]): StoredBackup[] {
  return names.flatMap((name) => {
    const createdAt = backupTimeOf(name);
    return createdAt ? [{ name, createdAt }] : [];
  });
}

/** BACKUP_DIR on this machine (or a volume mounted there). */
export class DirectoryBackupStore implements BackupStore {
  constructor(private readonly directory: string) {}

  workDirectory(): Promise<string> {
    return Promise.resolve(this.directory);
  }

  keep(path: string): Promise<string> {
    return Promise.resolve(resolve(path));
  }

  async list(): Promise<StoredBackup[]> {
    return backupsOf(await readdir(this.directory).catch(() => [] as string[]));
  }

  async remove(name: string): Promise<void> {
    await rm(join(this.directory, name), { force: true });
  }

  open(name: string): Promise<LocalCopy> {
    return Promise.resolve({ path: join(this.directory, name), release: () => Promise.resolve() });
  }
}

export const S3_BACKUP_PREFIX = 'backups/';

/** The S3-compatible store of S3_*, under backups/ (apart from the attachments' keys). */
export class S3BackupStore implements BackupStore {
  private readonly connect: () => Promise<S3Connection>;

  constructor(
    private readonly settings: {
      endpoint?: string;
      region: string;
      bucket: string;
      accessKeyId: string;
      secretAccessKey: string;
    },
  ) {
    this.connect = lazyS3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: !!settings.endpoint,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      // A file streamed up would otherwise be sent aws-chunked with a trailing checksum, which
      // S3-compatible stores (MinIO's older releases, OSS, COS, s3rver) store as part of the object.
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
  }

  workDirectory(): Promise<string> {
    return mkdtemp(join(tmpdir(), 'lianmeng-backup-'));
  }

  async keep(path: string, name: string): Promise<string> {
    const key = `${S3_BACKUP_PREFIX}${name}`;
    try {
      const { size } = await stat(path);
      const { sdk, client } = await this.connect();
      await client.send(
        new sdk.PutObjectCommand({
          Bucket: this.settings.bucket,
          Key: key,
          Body: createReadStream(path),
          ContentLength: size,
          ContentType: 'application/octet-stream',
        }),
      );
    } finally {
      await rm(join(path, '..'), { recursive: true, force: true });
    }
    return `s3://${this.settings.bucket}/${key}`;
  }

  async list(): Promise<StoredBackup[]> {
    const names: string[] = [];
    let token: string | undefined;
    const { sdk, client } = await this.connect();
    do {
      const page = await client.send(
        new sdk.ListObjectsV2Command({
          Bucket: this.settings.bucket,
          Prefix: S3_BACKUP_PREFIX,
          ContinuationToken: token,
        }),
      );
      for (const object of page.Contents ?? []) if (object.Key) names.push(object.Key.slice(S3_BACKUP_PREFIX.length));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return backupsOf(names);
  }

  async remove(name: string): Promise<void> {
    const { sdk, client } = await this.connect();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.settings.bucket, Key: `${S3_BACKUP_PREFIX}${name}` }));
  }

  async open(name: string): Promise<LocalCopy> {
    const directory = await mkdtemp(join(tmpdir(), 'lianmeng-backup-'));
    const path = join(directory, name);
    const release = () => rm(directory, { recursive: true, force: true });
    try {
      const { sdk, client } = await this.connect();
      const response = await client.send(
        new sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: `${S3_BACKUP_PREFIX}${name}` }),
      );
      await pipeline(response.Body as Readable, createWriteStream(path, { mode: 0o600 }));
    } catch (error) {
      await release();
      throw error;
    }
    return { path, release };
  }
}

export function backupStoreFromEnvironment(
  env: Pick<
    Environment,
    | 'BACKUP_STORE'
    | 'BACKUP_DIR'
    | 'S3_ENDPOINT'
    | 'S3_REGION'
    | 'S3_BUCKET'
    | 'S3_ACCESS_KEY_ID'
    | 'S3_SECRET_ACCESS_KEY'
  >,
): BackupStore {
  return env.BACKUP_STORE === 's3'
    ? new S3BackupStore({
        endpoint: env.S3_ENDPOINT || undefined,
        region: env.S3_REGION,
        bucket: env.S3_BUCKET!,
        accessKeyId: env.S3_ACCESS_KEY_ID!,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
      })
    : new DirectoryBackupStore(env.BACKUP_DIR);
}
