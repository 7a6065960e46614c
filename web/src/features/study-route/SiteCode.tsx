import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSiteCode, type StudySite } from './api';

/** The site's QR code to print, and the address it holds. */
export function SiteCode({ site }: { site: StudySite }) {
  const { t } = useTranslation();
  const code = useSiteCode(site.id);
  if (!code.data) return null;
  return (
    <Space orientation="vertical" align="center" style={{ width: '100%' }} data-testid="site-qr">
      <img
        alt={t('studyRoute.qr')}
        src={`data:image/svg+xml;utf8,${encodeURIComponent(code.data.svg)}`}
        style={{ width: 240 }}
      />
      <Typography.Text copyable data-testid="site-qr-url">
        {code.data.url}
      </Typography.Text>
      <Typography.Text type="secondary">{t('studyRoute.qrHint')}</Typography.Text>
    </Space>
  );
}
