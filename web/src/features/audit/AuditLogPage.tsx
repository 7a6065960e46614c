import { AutoComplete, Input, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { LoadMore } from '../../lib/LoadMore';
import { PageHeader } from '../../lib/PageHeader';
import { AuditDiff } from './AuditDiff';
import { AuditSentence } from './AuditSentence';
import { KNOWN_ENTITY_TYPES, useAuditLog, type AuditEntry, type AuditFilters } from './api';

const ACTION_COLORS: Record<AuditEntry['action'], string> = {
  insert: 'green',
  update: 'blue',
  delete: 'red',
  refused: 'volcano',
};

export function AuditLogPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = {
    entityType: params.get('entityType') || undefined,
    entityId: params.get('entityId') || undefined,
  };
  const [entityType, setEntityType] = useState(filters.entityType ?? '');
  const list = useAuditLog(filters);

  const setFilter = (key: keyof AuditFilters, value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.time'), dataIndex: 'occurredAt', render: formatDateTime, width: 150 },
    { title: t('audit.actor'), key: 'actor', width: 120, render: (_, e) => e.actor?.displayName ?? t('audit.system') },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 100,
      render: (action: AuditEntry['action']) => <Tag color={ACTION_COLORS[action]}>{t(`auditActions.${action}`)}</Tag>,
    },
    { title: t('audit.description'), key: 'description', render: (_, e) => <AuditSentence entry={e} /> },
  ];

  return (
    <>
      <PageHeader title={t('nav.auditLog')} />
      <Space wrap className="filters">
        <AutoComplete
          allowClear
          value={entityType}
          style={{ width: 220 }}
          placeholder={t('audit.entityTypeFilter')}
          options={KNOWN_ENTITY_TYPES.map((type) => ({ value: type, label: `${t(`entityTypes.${type}`)} (${type})` }))}
          onChange={(value: string) => {
            setEntityType(value ?? '');
            if (!value) setFilter('entityType', undefined);
          }}
          onSelect={(value: string) => setFilter('entityType', value)}
          onBlur={() => setFilter('entityType', entityType.trim() || undefined)}
          data-testid="audit-entity-type"
        />
        <Input.Search
          allowClear
          defaultValue={filters.entityId}
          placeholder={t('audit.entityIdFilter')}
          onSearch={(value) => setFilter('entityId', value.trim() || undefined)}
          style={{ width: 320 }}
        />
      </Space>
      <Table<AuditEntry>
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.isPending}
        pagination={false}
        expandable={{ expandedRowRender: (entry) => <AuditDiff entry={entry} /> }}
        // A fixed minimum rather than max-content: the sentences wrap, and the opened detail fits the page.
        scroll={{ x: 960 }}
        data-testid="audit-table"
      />
      <LoadMore {...list} />
    </>
  );
}
