import type { Environment } from '../config/environment';
import type { FileStorage } from './file-storage';
import { LocalDiskStorage } from './local-disk.storage';
import { S3Storage } from './s3.storage';

/** The store STORAGE_DRIVER names: for the API and worker (StorageModule) and for scripts such as backup. */
export function fileStorageFromEnvironment(
  env: Pick<
    Environment,
    | 'STORAGE_DRIVER'
    | 'STORAGE_DIR'
    | 'S3_ENDPOINT'
    | 'S3_REGION'
    | 'S3_BUCKET'
    | 'S3_ACCESS_KEY_ID'
    | 'S3_SECRET_ACCESS_KEY'
  >,
): FileStorage {
  return env.STORAGE_DRIVER === 's3'
    ? new S3Storage({
        endpoint: env.S3_ENDPOINT || undefined,
        region: env.S3_REGION,
        bucket: env.S3_BUCKET!,
        accessKeyId: env.S3_ACCESS_KEY_ID!,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
      })
    : new LocalDiskStorage(env.STORAGE_DIR);
}
