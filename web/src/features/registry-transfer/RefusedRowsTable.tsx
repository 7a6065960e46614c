import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../lib/jobs';

// A row can be refused for several fields, so neither `row` nor `field` is unique.
type RefusedRow = Job['refusedRows'][number] & { key: number };

/** The API names a refused column by its key; an unknown header comes back as the header text itself. */
const COLUMN_KEYS = new Set([
  'name',
  'role',
  'unifiedCode',
  'industry',
  'chainPosition',
  'productTags',
  'address',
  'contactName',
  'contactPhone',
  'contactEmail',
  'partyType',
  'partyName',
  'partySecretary',
  'partyMemberCount',
  'partyFoundedOn',
  'joinedOn',
]);

export function RefusedRowsTable({ rows }: { rows: Job['refusedRows'] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<RefusedRow> = [
    { title: t('imports.row'), dataIndex: 'row', width: 96 },
    {
      title: t('imports.field'),
      dataIndex: 'field',
      width: 200,
      render: (v: string | null) => (v === null ? '—' : COLUMN_KEYS.has(v) ? t(`imports.columns.${v}`) : v),
    },
    { title: t('imports.reason'), dataIndex: 'reason' },
  ];
  const keyed = rows.map((row, index) => ({ ...row, key: index }));
  return (
    <div data-testid="import-refused">
      <Table<RefusedRow>
        size="small"
        columns={columns}
        dataSource={keyed}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      />
    </div>
  );
}
