import { Col, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from './api';

function changedKeys(before: AuditEntry['before'], after: AuditEntry['after']): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((key) => JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key]));
}

/** Before and after snapshots side by side, with the changed top-level fields listed. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const changed = changedKeys(entry.before, entry.after);
  return (
    <div data-testid="audit-diff">
      {changed.length > 0 && (
        <div className="audit-changed">
          <Typography.Text type="secondary">{t('audit.changedFields')}: </Typography.Text>
          {changed.map((key) => (
            <Tag key={key} color="orange">
              {key}
            </Tag>
          ))}
        </div>
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Typography.Title level={5}>{t('audit.before')}</Typography.Title>
          <pre className="json-block">{entry.before ? JSON.stringify(entry.before, null, 2) : '—'}</pre>
        </Col>
        <Col xs={24} md={12}>
          <Typography.Title level={5}>{t('audit.after')}</Typography.Title>
          <pre className="json-block">{entry.after ? JSON.stringify(entry.after, null, 2) : '—'}</pre>
        </Col>
      </Row>
    </div>
  );
}
