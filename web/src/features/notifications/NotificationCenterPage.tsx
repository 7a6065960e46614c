import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../lib/PageHeader';
import { MailServerCard } from './MailServerCard';
import { QuietHoursCard } from './QuietHoursCard';
import { SmsCard } from './SmsCard';
import { RobotsCard } from './RobotsCard';
import { useNotificationSettings } from './settingsApi';

/** Township admins: quiet hours, the mail server, the SMS account, and the group robots. */
export function NotificationCenterPage() {
  const { t } = useTranslation();
  const settings = useNotificationSettings();

  if (settings.isError) throw settings.error;

  return (
    <>
      <PageHeader title={t('nav.notificationCenter')} subtitle={t('notificationCenter.subtitle')} />
      {settings.isPending ? (
        <Spin />
      ) : (
        <>
          <QuietHoursCard settings={settings.data} />
          <MailServerCard settings={settings.data} />
          <SmsCard settings={settings.data} />
        </>
      )}
      <RobotsCard />
    </>
  );
}
