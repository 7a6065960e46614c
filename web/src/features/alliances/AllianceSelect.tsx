import { TeamOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Alliance } from './api';
import './alliance-context.css';

/** The picker of the alliance a page is about (see `useAllianceContext` for its choices). */
export function AllianceSelect({
  alliances,
  value,
  onChange,
  loading,
  testId,
}: {
  alliances: Alliance[];
  value?: string;
  onChange?: (id: string) => void;
  loading?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      value={value}
      onChange={onChange}
      loading={loading}
      className="alliance-select"
      placeholder={t('serviceRequests.selectAlliance')}
      options={alliances.map((alliance) => ({ value: alliance.id, label: alliance.name }))}
      data-testid={testId}
    />
  );
}

/** The alliance a page is about, named in its header. */
export function AllianceName({ alliance }: { alliance: Pick<Alliance, 'id' | 'name'> | undefined }) {
  if (!alliance) return null;
  return (
    <span className="page-alliance" data-testid="page-alliance" data-alliance={alliance.id}>
      <TeamOutlined /> {alliance.name}
    </span>
  );
}
