import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAlliances } from '../alliances/api';

/** The alliance a page is about, kept in `?allianceId=`; the first of the user's alliances by default. */
export function useAllianceParam() {
  const [params, setParams] = useSearchParams();
  const alliances = useAlliances();
  const allianceId = params.get('allianceId') ?? alliances.items[0]?.id;
  const setAllianceId = (id: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('allianceId', id);
        return next;
      },
      { replace: true },
    );
  return { alliances, allianceId, setAllianceId };
}

export function AllianceSelect({
  value,
  onChange,
  testId,
}: {
  value?: string;
  onChange?: (id: string) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const alliances = useAlliances();
  return (
    <Select
      value={value}
      onChange={onChange}
      loading={alliances.isPending}
      style={{ minWidth: 280 }}
      placeholder={t('serviceRequests.selectAlliance')}
      options={alliances.items.map((alliance) => ({ value: alliance.id, label: alliance.name }))}
      data-testid={testId}
    />
  );
}
