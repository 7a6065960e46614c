import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The one-time invitation URL returned by the API, for the admin to copy and send. */
export function InvitationLink({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="success"
      showIcon
      title={t('invitation.created')}
      description={
        <>
          <Typography.Paragraph>{t('invitation.copyHint')}</Typography.Paragraph>
          <Typography.Paragraph copyable={{ text: url }} code data-testid="invitation-url">
            {url}
          </Typography.Paragraph>
        </>
      }
    />
  );
}
