import { Alert, Col, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { useWorkbench } from './api';
import { SectionCard } from './SectionCard';
import './workbench.css';

/** 工作台: a card per section of what waits for the person, most pressing first; they stack on a phone. */
export function WorkbenchSections({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const query = useWorkbench(enabled);
  if (!enabled) return null;
  if (query.isError)
    return <Alert type="error" showIcon message={t('workbench.failed')} description={errorMessage(query.error)} />;
  if (!query.data) return <Skeleton active data-testid="workbench-loading" />;
  const { sections, generatedAt, timeZone, role } = query.data;
  return (
    <Row gutter={[16, 16]} className="workbench" data-testid="workbench">
      {sections.map((section) => (
        <Col xs={24} lg={12} xxl={8} key={section.key}>
          <SectionCard section={section} now={generatedAt} timeZone={timeZone} role={role} />
        </Col>
      ))}
    </Row>
  );
}
