import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { dropDatabase, withDatabase } from '../../database/database-setup';
import { LocalDiskStorage } from '../../storage/local-disk.storage';
import { restoreBackup, type RestoreResult } from '../restore-backup';

/** The scratch database of a verification: beside the live one, named for it and the run. */
export function scratchDatabaseName(liveDatabase: string, runId: string): string {
  return `${liveDatabase.slice(0, 40)}_verify_${runId.replace(/-/g, '').slice(0, 8)}`;
}

/**
 * Restores a backup into a scratch database (created here and dropped after, pass or fail) and a
 * scratch attachment store in a temporary directory, so neither the live database nor the live
 * store is written. restoreBackup itself checks every table's row count and checksum and every
 * attachment's SHA-256 against the backup's manifest; any difference throws.
 */
export async function verifyByRestore(request: {
  path: string;
  passphrase: string;
  adminUrl: string;
  appUrl: string;
  runId: string;
}): Promise<RestoreResult> {
  // One at a time across workers: a restore sets up the application's role (ALTER ROLE), which
  // PostgreSQL refuses to do twice at once ("tuple concurrently updated").
  const lock = new Client({ connectionString: request.adminUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [VERIFY_LOCK]);
    return await restoreIntoScratch(request);
  } finally {
    await lock.end().catch(() => undefined);
  }
}

const VERIFY_LOCK = 'lianmeng-backup-verify';

async function restoreIntoScratch(request: {
  path: string;
  passphrase: string;
  adminUrl: string;
  appUrl: string;
  runId: string;
}): Promise<RestoreResult> {
  const live = decodeURIComponent(new URL(request.adminUrl).pathname.slice(1));
  const scratch = scratchDatabaseName(live, request.runId);
  const store = await mkdtemp(join(tmpdir(), 'lianmeng-verify-'));
  await dropDatabase(request.adminUrl, scratch);
  try {
    return await restoreBackup({
      path: request.path,
      passphrase: request.passphrase,
      adminUrl: withDatabase(request.adminUrl, scratch),
      appUrl: withDatabase(request.appUrl, scratch),
      storage: new LocalDiskStorage(store),
    });
  } finally {
    await dropDatabase(request.adminUrl, scratch).catch(() => undefined);
    await rm(store, { recursive: true, force: true });
  }
}
