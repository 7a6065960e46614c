import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../config/environment';
import { FileStorage } from './file-storage';
import { LocalDiskStorage } from './local-disk.storage';
import { S3Storage } from './s3.storage';
import { StorageQuota } from './storage-quota';

@Global()
@Module({
  providers: [
    StorageQuota,
    {
      provide: FileStorage,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>): FileStorage =>
        config.get('STORAGE_DRIVER', { infer: true }) === 's3'
          ? new S3Storage({
              endpoint: config.get('S3_ENDPOINT', { infer: true }) || undefined,
              region: config.get('S3_REGION', { infer: true }),
              bucket: config.get('S3_BUCKET', { infer: true })!,
              accessKeyId: config.get('S3_ACCESS_KEY_ID', { infer: true })!,
              secretAccessKey: config.get('S3_SECRET_ACCESS_KEY', { infer: true })!,
            })
          : new LocalDiskStorage(config.get('STORAGE_DIR', { infer: true })),
    },
  ],
  exports: [FileStorage, StorageQuota],
})
export class StorageModule {}
