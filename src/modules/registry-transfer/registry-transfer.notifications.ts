import { defineNotificationTypes } from '../../platform/notifications/notification-registry';
import { s, shortFileName } from '../../platform/notifications/templates/template';

export enum RegistryTransferNotification {
  ImportFinished = 'registry.import-finished',
  ExportFinished = 'registry.export-finished',
}

declare module '../../platform/notifications/notification-registry' {
  interface NotificationPayloads {
    /** status: the import job's; when it failed, error says why. */
    [RegistryTransferNotification.ImportFinished]: {
      jobId: string;
      allianceId: string;
      allianceName: string;
      fileName: string | null;
      status: string;
      error: string | null;
      accepted: number;
      refused: number;
    };
    [RegistryTransferNotification.ExportFinished]: { jobId: string; allianceId: string; allianceName: string };
  }
}

/** What people are told about a member registry's imports and exports. */
defineNotificationTypes(RegistryTransferNotification, {
  [RegistryTransferNotification.ImportFinished]: (p) => ({
    'zh-CN': {
      title:
        p.status === 'failed' ? `导入失败：${shortFileName(p.fileName)}` : `导入完成：${shortFileName(p.fileName)}`,
      body:
        p.status === 'failed'
          ? `“${s(p.allianceName)}”的成员导入未能完成：${s(p.error)}`
          : `“${s(p.allianceName)}”的成员导入已完成：导入 ${s(p.accepted)} 行，未通过 ${s(p.refused)} 行。`,
    },
    en: {
      title:
        p.status === 'failed'
          ? `Import failed: ${shortFileName(p.fileName)}`
          : `Import finished: ${shortFileName(p.fileName)}`,
      body:
        p.status === 'failed'
          ? `The member import into "${s(p.allianceName)}" could not finish: ${s(p.error)}`
          : `The member import into "${s(p.allianceName)}" finished: ${s(p.accepted)} rows imported, ${s(p.refused)} refused.`,
    },
    link: `/imports?allianceId=${s(p.allianceId)}&jobId=${s(p.jobId)}`,
  }),
  [RegistryTransferNotification.ExportFinished]: (p) => ({
    'zh-CN': { title: `导出完成：${s(p.allianceName)}`, body: `“${s(p.allianceName)}”的成员名册已导出，可以下载。` },
    en: {
      title: `Export ready: ${s(p.allianceName)}`,
      body: `The registry of "${s(p.allianceName)}" is ready to download.`,
    },
    link: `/imports?allianceId=${s(p.allianceId)}&jobId=${s(p.jobId)}`,
  }),
});
