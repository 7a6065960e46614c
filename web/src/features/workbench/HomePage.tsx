import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/api';
import { PageHeader } from '../../lib/PageHeader';
import { WorkbenchSections } from './WorkbenchSections';

/** The enterprise's own organisation, with the way to keep it up to date. */
function MyOrganizationCard() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const organization = me?.organization;
  return (
    <Card
      title={t('home.myOrganization')}
      className="section-card"
      extra={
        organization ? (
          <Link to={`/organizations/${organization.id}/edit`}>
            <Button icon={<EditOutlined />} data-testid="home-edit-organization">
              {t('home.editOrganization')}
            </Button>
          </Link>
        ) : null
      }
      data-testid="home-organization"
    >
      {organization && me ? (
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
  );
}

/** 工作台: the home page of everyone in a township — what waits for them now, section by section. */
export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me) return null;
  const inTownship = me.role !== 'platform_admin';
  return (
    <>
      <PageHeader
        title={t('home.welcome', { name: me.displayName })}
        subtitle={me.tenant?.name ?? t('workbench.subtitle')}
      />
      {me.role === 'enterprise_contact' && <MyOrganizationCard />}
      {inTownship ? (
        <WorkbenchSections enabled />
      ) : (
        <Typography.Paragraph type="secondary" data-testid="workbench-none">
          {t('workbench.noTownship')}
        </Typography.Paragraph>
      )}
    </>
  );
}
