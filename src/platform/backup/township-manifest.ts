import type { BackupManifest, TableEntry } from './backup-manifest';
import type { BackupPreamble } from './backup-preamble';
import type { Township, TownshipTable } from './township-catalog';
import type { CarriedSecret } from './township-secrets';

export type TownshipTableEntry = TableEntry & Pick<TownshipTable, 'owner' | 'key' | 'renumbered'>;

/** A township archive's manifest: a backup's, of one township's rows, naming the township. */
export interface TownshipManifest extends BackupManifest {
  township: Township;
  tables: TownshipTableEntry[];
  /** Values sealed with the source's SECRETS_KEY, opened, for the target to seal with its own. */
  secrets: CarriedSecret[];
  /** Sealed values the source's SECRETS_KEY did not open: they move as they are and must be entered again. */
  unreadableSecrets: string[];
}

/** The cleartext header says it holds one township, so a restore or an import can tell before decrypting. */
export interface TownshipPreamble extends BackupPreamble {
  contents?: 'township';
  township?: string;
}
