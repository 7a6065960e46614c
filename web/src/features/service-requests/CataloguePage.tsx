import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { AllianceName, AllianceSelect } from '../alliances';
import { useAllianceContext } from '../alliances';
import { PageHeader } from '../../lib/PageHeader';
import { IntakeModelCard } from '../intake';
import { CategoriesCard } from './CategoriesCard';
import { RoutingRulesCard } from './RoutingRulesCard';
import { WorkingCalendarCard } from './WorkingCalendarCard';

/** 服务目录: the alliance's categories and routing rules, and the township's working calendar. */
export function CataloguePage() {
  const { t } = useTranslation();
  const context = useAllianceContext();
  const { allianceId } = context;
  return (
    <>
      <PageHeader
        title={t('nav.serviceCatalogue')}
        subtitle={<AllianceName alliance={context.alliance} />}
        extra={
          context.canChoose && (
            <AllianceSelect
              alliances={context.alliances}
              value={allianceId}
              onChange={context.setAllianceId}
              testId="sr-catalogue-alliance"
            />
          )
        }
      />
      {allianceId ? (
        <div key={allianceId}>
          <CategoriesCard allianceId={allianceId} />
          <RoutingRulesCard allianceId={allianceId} />
        </div>
      ) : (
        !context.isPending && <Empty description={t('serviceRequests.noAlliance')} />
      )}
      <WorkingCalendarCard />
      <IntakeModelCard />
    </>
  );
}
