/** What a transfer job does; the statistics and dashboard exports and the ledgers are other features' files on this queue. */
export enum TransferJobKind {
  MemberImport = 'member-import',
  RegistryExport = 'registry-export',
  ServiceStatisticsExport = 'service-statistics-export',
  DashboardExport = 'dashboard-export',
  AllianceLedger = 'alliance-ledger',
}
