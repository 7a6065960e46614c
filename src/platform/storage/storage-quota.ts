import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../config/environment';
import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';
import { TenantContext } from '../tenancy/tenant-context.service';

/**
 * Everything a township has uploaded: attachments, reports, photos and imported spreadsheets.
 * A feature that stores uploads adds its table here. Row-level security keeps each sum to the
 * current tenant.
 */
const STORED_BYTES = `
  SELECT (SELECT coalesce(sum(size), 0) FROM service_request_attachments)
       + (SELECT coalesce(sum(size), 0) FROM report_versions)
       + (SELECT coalesce(sum(size), 0) FROM typical_case_photos)
       + (SELECT coalesce(sum(size), 0) FROM venue_photos)
       + (SELECT coalesce(sum(size), 0) FROM study_site_photos)
       + (SELECT coalesce(sum(octet_length(file)), 0) FROM transfer_jobs WHERE kind = 'member-import') AS used`;

/** The per-township storage quota (STORAGE_QUOTA_BYTES_PER_TENANT), checked before a file is stored. */
@Injectable()
export class StorageQuota {
  constructor(
    private readonly tenant: TenantContext,
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
    const manager = this.tenant.manager;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('storage-quota:' || $1, 0))`, [
      this.tenant.tenantId,
    ]);
    const [{ used }] = await manager.query<{ used: string }[]>(STORED_BYTES);
    if (Number(used) + bytes > quota) {
      const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
      throw new DomainException(ErrorCode.PayloadTooLarge, HttpStatus.PAYLOAD_TOO_LARGE, [
        { field: 'file', reason: 'storageQuota', args: [mb(Number(used)), mb(quota)] },
      ]);
    }
  }
}
