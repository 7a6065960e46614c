import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from './api';
import { fieldLabel, formatValue } from './describe';

/** Bookkeeping columns the detail leaves out, as the server's list of changes does. */
const HIDDEN_IN_DETAIL = new Set(['id', 'tenant_id', 'created_at', 'updated_at', 'version', 'search_text']);

interface FieldRow {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

function fieldRows(entry: AuditEntry): FieldRow[] {
  const { before, after } = entry;
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (f) => !HIDDEN_IN_DETAIL.has(f),
  );
  return fields.map((field) => ({
    field,
    before: before?.[field],
    after: after?.[field],
    changed: !!before && !!after && JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  }));
}

/** Every field of the row before and after, by its label, the changed ones marked. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const kind = entry.object.kind;
  const nameOf = (value: unknown) => (typeof value === 'string' ? entry.names[value] : undefined);
  const columns: TableColumnsType<FieldRow> = [
    { title: t('audit.field'), dataIndex: 'field', width: 180, render: (field: string) => fieldLabel(t, kind, field) },
    {
      title: t('audit.before'),
      dataIndex: 'before',
      render: (value: unknown, row) => (entry.before ? formatValue(t, kind, row.field, value, nameOf(value)) : '—'),
    },
    {
      title: t('audit.after'),
      dataIndex: 'after',
      render: (value: unknown, row) => (entry.after ? formatValue(t, kind, row.field, value, nameOf(value)) : '—'),
    },
  ];
  return (
    <div data-testid="audit-diff">
      {entry.entityId && (
        <Typography.Paragraph type="secondary">
          {t('audit.entityId')}: <Typography.Text copyable>{entry.entityId}</Typography.Text>
        </Typography.Paragraph>
      )}
      <Table<FieldRow>
        size="small"
        tableLayout="fixed"
        rowKey="field"
        columns={columns}
        dataSource={fieldRows(entry)}
        pagination={false}
        rowClassName={(row) => (row.changed ? 'audit-changed-row' : '')}
      />
    </div>
  );
}
