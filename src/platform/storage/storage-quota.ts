import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../config/environment';
import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';
import { TenantContext } from '../tenancy/tenant-context.service';
import { StorageUsageRepository } from './storage-usage.repository';

/** The per-township storage quota (STORAGE_QUOTA_BYTES_PER_TENANT), checked before a file is stored. */
@Injectable()
export class StorageQuota {
  constructor(
    private readonly tenant: TenantContext,
    private readonly usage: StorageUsageRepository,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /**
   * Refuses with 413 when `bytes` more would pass the quota. Call inside the request's transaction,
   * before storing: the transaction-scoped lock makes concurrent uploads of one township queue here,
   * so two of them cannot both fit into the last free space.
   */
  async reserve(bytes: number): Promise<void> {
    const quota = this.config.get('STORAGE_QUOTA_BYTES_PER_TENANT', { infer: true });
    if (!quota) return;
    await this.usage.lockQuota(this.tenant.tenantId);
    const used = await this.usage.storedBytes();
    if (used + bytes > quota) {
      const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
      throw new DomainException(ErrorCode.PayloadTooLarge, HttpStatus.PAYLOAD_TOO_LARGE, [
        { field: 'file', reason: 'storageQuota', args: [mb(used), mb(quota)] },
      ]);
    }
  }
}
