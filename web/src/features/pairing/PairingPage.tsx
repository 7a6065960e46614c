import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useShowError } from '../../lib/useShowError';
import { AllianceSelect } from '../alliances';
import { useAllianceContext } from '../alliances';
import { CategorySelect } from '../service-requests';
import { useMe } from '../auth/api';
import { EmptyState, emptyText } from '../../lib/EmptyState';
import { PageHeader } from '../../lib/PageHeader';
import { useLogVisit, usePairs, usePairVisits, useProblemToRequest, useUpdatePair, type Pair } from './api';
import { CreatePairModal } from './CreatePairModal';

/** 结对联系: the official's pairs (overdue ones first, highlighted), each pair's visits, problems turned into service requests. */
export function PairingPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [all, setAll] = useState(false);
  const pairs = usePairs(all);
  const [selected, setSelected] = useState<Pair | null>(null);
  const current = pairs.data?.find((p) => p.id === selected?.id) ?? null;
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('pairing.title')}
        extra={
          <Space>
            {t('pairing.showAll')}
            <Switch checked={all} onChange={setAll} data-testid="pairs-all" />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="pair-create">
              {t('pairing.createPair')}
            </Button>
          </Space>
        }
      />
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Card className="section-card">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={pairs.data ?? []}
            data-testid="pairs"
            loading={pairs.isPending}
            locale={{
              emptyText: emptyText(
                pairs.isPending,
                <EmptyState
                  text={t('emptyStates.pairing')}
                  action={{ label: t('pairing.createPair'), icon: <PlusOutlined />, onClick: () => setCreating(true) }}
                />,
              ),
            }}
            rowClassName={(p) => (p.overdue ? 'row-overdue' : '')}
            onRow={(p) => ({
              onClick: () => setSelected(p),
              style: { cursor: 'pointer', background: p.overdue ? '#fff1f0' : undefined },
            })}
            columns={[
              { title: t('pairing.enterprise'), render: (_: unknown, p) => p.organization.name },
              { title: t('pairing.official'), render: (_: unknown, p) => p.official.name },
              {
                title: t('pairing.interval'),
                render: (_: unknown, p) => t('pairing.everyDays', { count: p.intervalDays }),
              },
              { title: t('pairing.lastVisit'), render: (_: unknown, p) => p.lastVisitOn ?? t('pairing.never') },
              { title: t('pairing.dueOn'), dataIndex: 'dueOn' },
              {
                title: t('pairing.state'),
                render: (_: unknown, p) =>
                  !p.active ? (
                    <Tag data-testid="pair-ended">{t('pairing.ended')}</Tag>
                  ) : p.overdue ? (
                    <Tag color="red" data-testid="pair-overdue">
                      {t('pairing.overdue', { count: p.daysOverdue })}
                    </Tag>
                  ) : (
                    <Tag color="green">{t('pairing.onTrack')}</Tag>
                  ),
              },
            ]}
          />
        </Card>
        {current && <PairDetail key={current.id} pair={current} />}
      </Space>
      <CreatePairModal
        open={creating}
        onClose={() => setCreating(false)}
        // A pair of another official is listed only among everyone's pairs: show them, and select it.
        onCreated={(pair) => {
          if (pair.official.id !== me?.id) setAll(true);
          setSelected(pair);
        }}
      />
    </>
  );
}

function PairDetail({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const visits = usePairVisits(pair.id);
  const [converting, setConverting] = useState<{ visitId: string; index: number } | null>(null);
  return (
    <>
      <PairSettingsCard pair={pair} />
      {pair.active && <LogVisitCard pair={pair} />}
      <Card className="section-card" title={t('pairing.visits', { name: pair.organization.name })}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={visits.data ?? []}
          data-testid="pair-visits"
          columns={[
            { title: t('pairing.visitedOn'), dataIndex: 'visitedOn' },
            { title: t('pairing.peopleMet'), dataIndex: 'peopleMet' },
            { title: t('pairing.notes'), dataIndex: 'notes' },
            {
              title: t('pairing.problems'),
              render: (_: unknown, v) => (
                <Space orientation="vertical">
                  {v.problems.map((p) => (
                    <Space key={p.index}>
                      <Typography.Text>{p.description}</Typography.Text>
                      {p.serviceRequest ? (
                        <Link to={`/service-requests/${p.serviceRequest.id}`} data-testid="problem-request">
                          {p.serviceRequest.number}
                        </Link>
                      ) : (
                        <Button
                          size="small"
                          onClick={() => setConverting({ visitId: v.id, index: p.index })}
                          data-testid="problem-to-request"
                        >
                          {t('pairing.toRequest')}
                        </Button>
                      )}
                    </Space>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <ToRequestModal target={converting} onClose={() => setConverting(null)} />
    </>
  );
}

/** The pair's visit interval, and ending it (the visits stay on record) or taking it up again. */
function PairSettingsCard({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdatePair();
  const showError = useShowError();
  const [interval, setInterval] = useState<number | null>(pair.intervalDays);
  const done = () => void message.success(t('common.saved'));
  return (
    <Card
      className="section-card"
      title={t('pairing.settings', { official: pair.official.name, enterprise: pair.organization.name })}
    >
      <Space wrap>
        {t('pairing.intervalDays')}
        <InputNumber
          min={1}
          max={366}
          value={interval}
          onChange={setInterval}
          suffix={t('pairing.days')}
          data-testid="pair-interval-edit"
        />
        <Button
          disabled={!interval || interval === pair.intervalDays}
          loading={update.isPending && update.variables?.intervalDays !== undefined}
          onClick={() =>
            interval &&
            update.mutate({ id: pair.id, intervalDays: interval }, { onSuccess: done, onError: (e) => showError(e) })
          }
          data-testid="pair-interval-save"
        >
          {t('common.save')}
        </Button>
        {pair.active ? (
          <Popconfirm
            title={t('pairing.endConfirm')}
            onConfirm={() =>
              update.mutate({ id: pair.id, active: false }, { onSuccess: done, onError: (e) => showError(e) })
            }
            okButtonProps={{ 'data-testid': 'pair-end-ok' }}
          >
            <Button danger data-testid="pair-end">
              {t('pairing.end')}
            </Button>
          </Popconfirm>
        ) : (
          <Button
            onClick={() =>
              update.mutate({ id: pair.id, active: true }, { onSuccess: done, onError: (e) => showError(e) })
            }
            data-testid="pair-resume"
          >
            {t('pairing.resume')}
          </Button>
        )}
      </Space>
    </Card>
  );
}

function LogVisitCard({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ visitedOn: Dayjs; peopleMet: string; notes?: string; problems?: string }>();
  const log = useLogVisit();
  const showError = useShowError();
  return (
    <Card className="section-card" title={t('pairing.logVisit', { name: pair.organization.name })}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ visitedOn: dayjs() }}
        onFinish={(v) =>
          log.mutate(
            {
              pairId: pair.id,
              visitedOn: v.visitedOn.format('YYYY-MM-DD'),
              peopleMet: v.peopleMet,
              notes: v.notes || undefined,
              problems: (v.problems ?? '')
                .split('\n')
                .map((p) => p.trim())
                .filter(Boolean),
            },
            {
              onSuccess: () => {
                void message.success(t('pairing.logged'));
                form.resetFields();
              },
              onError: (e) => showError(e, form),
            },
          )
        }
      >
        <Space wrap align="start">
          <Form.Item
            name="visitedOn"
            label={t('pairing.visitedOn')}
            rules={[{ required: true, message: t('venues.required') }]}
          >
            <DatePicker disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
          </Form.Item>
          <Form.Item
            name="peopleMet"
            label={t('pairing.peopleMet')}
            rules={[{ required: true, message: t('venues.required') }]}
          >
            <Input maxLength={500} style={{ width: 320 }} data-testid="visit-people" />
          </Form.Item>
        </Space>
        <Form.Item name="notes" label={t('pairing.notes')}>
          <Input.TextArea rows={2} maxLength={10000} />
        </Form.Item>
        <Form.Item name="problems" label={t('pairing.problems')} extra={t('pairing.problemsHint')}>
          <Input.TextArea rows={3} data-testid="visit-problems" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={log.isPending} data-testid="visit-submit">
          {t('pairing.save')}
        </Button>
      </Form>
    </Card>
  );
}

function ToRequestModal({
  target,
  onClose,
}: {
  target: { visitId: string; index: number } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // The page's alliance (the person's own, the last chosen or the largest), changeable here: the
  // category, and so the request, belongs to one alliance the enterprise is a member of.
  const context = useAllianceContext();
  const [chosenAllianceId, setChosenAllianceId] = useState<string>();
  const allianceId = chosenAllianceId ?? context.allianceId;
  const [categoryId, setCategoryId] = useState<string>();
  const convert = useProblemToRequest();
  const showError = useShowError();
  return (
    <Modal
      open={!!target}
      title={t('pairing.toRequest')}
      onCancel={onClose}
      okButtonProps={{ disabled: !categoryId, ...{ 'data-testid': 'to-request-ok' } }}
      confirmLoading={convert.isPending}
      onOk={() =>
        target &&
        categoryId &&
        convert.mutate(
          { ...target, categoryId },
          {
            onSuccess: (r) => {
              void message.success(t('pairing.requestFiled', { number: r.serviceRequest.number }));
              onClose();
            },
            onError: (e) => showError(e),
          },
        )
      }
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('pairing.toRequestHint')}</Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {context.canChoose && (
          <AllianceSelect
            alliances={context.alliances}
            value={allianceId}
            onChange={(id) => {
              setChosenAllianceId(id);
              setCategoryId(undefined);
            }}
            testId="to-request-alliance"
          />
        )}
        <CategorySelect allianceId={allianceId} value={categoryId} onChange={setCategoryId} />
      </Space>
    </Modal>
  );
}
