import { Injectable } from '@nestjs/common';
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

/** The statements of the storage quota, in the caller's transaction. */
@Injectable()
export class StorageUsageRepository {
  constructor(private readonly tenant: TenantContext) {}

  /** Holds the township's quota lock until the transaction ends: its uploads queue here one by one. */
  async lockQuota(tenantId: string): Promise<void> {
    await this.tenant.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('storage-quota:' || $1, 0))`, [
      tenantId,
    ]);
  }

  /** The bytes the current township stores. */
  async storedBytes(): Promise<number> {
    const [{ used }] = await this.tenant.manager.query<{ used: string }[]>(STORED_BYTES);
    return Number(used);
  }
}
