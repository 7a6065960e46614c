import { Card, Col, Empty, Flex, Image, Result, Row, Spin, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDayOf } from '../../lib/dates';
import { LanguageSwitch } from '../../lib/LanguageSwitch';
import { showcasePhotoUrl, useShowcase } from './showcaseApi';

const FIGURES = [
  'members',
  'departments',
  'partyMembers',
  'meetingsHeld',
  'serviceRequestsResolved',
  'publishedCases',
] as const;

/** 联盟风采: an alliance's public page, outside the signed-in shell, with published cases and key figures. */
export function PublicShowcasePage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const query = useShowcase(slug);
  if (query.isPending) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  if (!query.data) return <Result status="404" title={t('showcase.notFound')} data-testid="showcase-not-found" />;
  const { alliance, figures, cases } = query.data;
  return (
    <div style={{ maxWidth: 1100, margin: '0 auto', padding: 24 }} data-testid="showcase-page">
      <Flex justify="space-between" align="start" wrap gap="middle">
        <div>
          <Typography.Text type="secondary">{t('showcase.kicker')}</Typography.Text>
          <Typography.Title level={2} style={{ marginTop: 4 }} data-testid="showcase-title">
            {alliance.name}
          </Typography.Title>
          {alliance.description && <Typography.Paragraph>{alliance.description}</Typography.Paragraph>}
        </div>
        <LanguageSwitch />
      </Flex>
      <Row gutter={[16, 16]} data-testid="showcase-figures">
        {FIGURES.map((key) => (
          <Col xs={12} md={8} lg={4} key={key}>
            <Card>
              <Statistic title={t(`showcase.figures.${key}`)} value={figures[key]} data-testid={`figure-${key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Title level={3} style={{ marginTop: 32 }}>
        {t('showcase.cases')}
      </Typography.Title>
      {cases.length === 0 && <Empty description={t('showcase.noCases')} />}
      <Flex vertical gap="large" data-testid="showcase-cases">
        {cases.map((item) => (
          <Card
            key={item.id}
            title={item.title}
            extra={<Typography.Text type="secondary">{item.organizationName}</Typography.Text>}
            data-testid="showcase-case"
          >
            <Typography.Paragraph strong>{item.summary}</Typography.Paragraph>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{item.body}</Typography.Paragraph>
            {item.photoIds.length > 0 && (
              <Image.PreviewGroup>
                <Flex gap="small" wrap>
                  {item.photoIds.map((photoId) => (
                    <Image key={photoId} width={160} src={showcasePhotoUrl(slug, photoId)} alt={item.title} />
                  ))}
                </Flex>
              </Image.PreviewGroup>
            )}
            <Typography.Text type="secondary">
              {t('showcase.publishedOn', { date: formatDayOf(item.publishedAt) })}
            </Typography.Text>
          </Card>
        ))}
      </Flex>
    </div>
  );
}
