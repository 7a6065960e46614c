import { randomUUID } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { loadEnvironment } from '../../../src/platform/config/environment';
import type { FileStorage } from '../../../src/platform/storage/file-storage';
import { LocalDiskStorage } from '../../../src/platform/storage/local-disk.storage';
import { S3Storage } from '../../../src/platform/storage/s3.storage';

export interface StoredReportFile {
  storageKey: string;
  fileName: string;
  contentType: string;
  size: number;
}

let storage: FileStorage | undefined;

/** The product's file storage, chosen as the API chooses it (StorageModule), so reviewers can open the demo's reports. */
function fileStorage(): FileStorage {
  if (storage) return storage;
  const env = loadEnvironment();
  storage =
    env.STORAGE_DRIVER === 's3'
      ? new S3Storage({
          endpoint: env.S3_ENDPOINT || undefined,
          region: env.S3_REGION,
          bucket: env.S3_BUCKET!,
          accessKeyId: env.S3_ACCESS_KEY_ID!,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
        })
      : new LocalDiskStorage(env.STORAGE_DIR);
  return storage;
}

/**
 * A version's file, stored where an upload would be (`tenant/reports/report/uuid`): a one-page PDF
 * that says it stands in for the report (the standard PDF fonts have no Chinese glyphs).
 */
export async function storeReportFile(tenantId: string, reportId: string, version: number): Promise<StoredReportFile> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText(`Lianmeng demo: research report, version ${version}`, { x: 60, y: 760, size: 16, font });
  page.drawText('Anhai smart equipment cluster party-building alliance', { x: 60, y: 730, size: 11, font });
  const content = Buffer.from(await doc.save({ useObjectStreams: false }));
  const storageKey = `${tenantId}/reports/${reportId}/${randomUUID()}`;
  await fileStorage().put(storageKey, content, 'application/pdf');
  return { storageKey, fileName: `调研报告-第${version}稿.pdf`, contentType: 'application/pdf', size: content.length };
}
