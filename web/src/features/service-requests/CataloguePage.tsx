import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../shell/PageHeader';
import { AllianceSelect, useAllianceParam } from './AllianceSelect';
import { CategoriesCard } from './CategoriesCard';
import { RoutingRulesCard } from './RoutingRulesCard';
import { WorkingCalendarCard } from './WorkingCalendarCard';

/** 服务目录: the alliance's categories and routing rules, and the township's working calendar. */
export function CataloguePage() {
  const { t } = useTranslation();
  const { alliances, allianceId, setAllianceId } = useAllianceParam();
  return (
    <>
      <PageHeader
        title={t('nav.serviceCatalogue')}
        extra={<AllianceSelect value={allianceId} onChange={setAllianceId} testId="sr-catalogue-alliance" />}
      />
      {allianceId ? (
        <div key={allianceId}>
          <CategoriesCard allianceId={allianceId} />
          <RoutingRulesCard allianceId={allianceId} />
        </div>
      ) : (
        !alliances.isPending && <Empty description={t('serviceRequests.noAlliance')} />
      )}
      <WorkingCalendarCard />
    </>
  );
}
