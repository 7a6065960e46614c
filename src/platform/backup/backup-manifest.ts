/** What a backup holds, written last (encrypted) and checked by every restore. */
export interface TableEntry {
  name: string;
  /** The columns in the order of the COPY text; generated columns are left out (the database computes them). */
  columns: string[];
  rows: number;
  /** Order-independent checksum of the rows' COPY text (see RowChecksum). */
  checksum: string;
}

export interface FileEntry {
  key: string;
  contentType: string;
  bytes: number;
  sha256: string;
}

export interface SequenceEntry {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

export interface BackupManifest {
  schemaVersion: string;
  createdAt: string;
  tables: TableEntry[];
  sequences: SequenceEntry[];
  files: FileEntry[];
  /** Keys the database names but the store no longer had when the backup read it (deleted meanwhile). */
  missingFiles: string[];
}

/** Where a table or an attachment starts in the archive. */
export interface TableHeader {
  name: string;
  columns: string[];
}

export interface FileHeader {
  key: string;
  contentType: string;
}
