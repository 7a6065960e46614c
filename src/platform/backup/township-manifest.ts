import type { BackupManifest, TableEntry } from './backup-manifest';
import type { BackupPreamble } from './backup-preamble';
import type { Township, TownshipTable } from './township-catalog';

export type TownshipTableEntry = TableEntry & Pick<TownshipTable, 'owner' | 'key' | 'renumbered'>;

/** A township archive's manifest: a backup's, of one township's rows, naming the township. */
export interface TownshipManifest extends BackupManifest {
  township: Township;
  tables: TownshipTableEntry[];
}

/** The cleartext header says it holds one township, so a restore or an import can tell before decrypting. */
export interface TownshipPreamble extends BackupPreamble {
  contents?: 'township';
  township?: string;
}
