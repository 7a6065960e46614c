import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../config/environment';
import { FileStorage } from './file-storage';
import { fileStorageFromEnvironment } from './file-storage-from-environment';
import { StorageQuota } from './storage-quota';
import { StorageUsageRepository } from './storage-usage.repository';

@Global()
@Module({
  providers: [
    StorageQuota,
    StorageUsageRepository,
    {
      provide: FileStorage,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>): FileStorage =>
        fileStorageFromEnvironment({
          STORAGE_DRIVER: config.get('STORAGE_DRIVER', { infer: true }),
          STORAGE_DIR: config.get('STORAGE_DIR', { infer: true }),
          S3_ENDPOINT: config.get('S3_ENDPOINT', { infer: true }),
          S3_REGION: config.get('S3_REGION', { infer: true }),
          S3_BUCKET: config.get('S3_BUCKET', { infer: true }),
          S3_ACCESS_KEY_ID: config.get('S3_ACCESS_KEY_ID', { infer: true }),
          S3_SECRET_ACCESS_KEY: config.get('S3_SECRET_ACCESS_KEY', { infer: true }),
        }),
    },
  ],
  exports: [FileStorage, StorageQuota],
})
export class StorageModule {}
