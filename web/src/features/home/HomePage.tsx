import { CalendarOutlined, CustomerServiceOutlined, EditOutlined, ExperimentOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/api';
import { PageHeader } from '../shell/PageHeader';

/** Landing page for department staff, enterprise contacts and experts until their modules ship. */
export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me) return null;
  const organization = me.organization;

  const upcoming: { key: string; icon: ReactNode }[] = [
    { key: 'serviceRequests', icon: <CustomerServiceOutlined /> },
    { key: 'meetings', icon: <CalendarOutlined /> },
    { key: 'thinkTank', icon: <ExperimentOutlined /> },
  ];

  return (
    <>
      <PageHeader title={t('home.welcome', { name: me.displayName })} subtitle={me.tenant?.name} />
      <Card
        title={t('home.myOrganization')}
        className="section-card"
        extra={
          organization && me.role === 'enterprise_contact' ? (
            <Link to={`/organizations/${organization.id}/edit`}>
              <Button icon={<EditOutlined />} data-testid="home-edit-organization">
                {t('home.editOrganization')}
              </Button>
            </Link>
          ) : null
        }
        data-testid="home-organization"
      >
        {organization ? (
          <Descriptions
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'name', label: t('organizations.name'), children: organization.name },
              { key: 'kind', label: t('organizations.kind'), children: t(`organizationKinds.${organization.kind}`) },
              { key: 'role', label: t('users.role'), children: t(`roles.${me.role}`) },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t('home.noOrganization')}</Typography.Text>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        {upcoming.map((module) => (
          <Col xs={24} md={8} key={module.key}>
            <Card className="module-placeholder">
              <div className="module-icon">{module.icon}</div>
              <Typography.Title level={5}>{t(`home.modules.${module.key}.title`)}</Typography.Title>
              <Typography.Paragraph type="secondary">{t(`home.modules.${module.key}.description`)}</Typography.Paragraph>
              <Typography.Text type="secondary">{t('home.comingSoon')}</Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
