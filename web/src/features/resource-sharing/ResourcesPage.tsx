import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { useShowError } from '../../lib/useShowError';
import { useMe } from '../auth/api';
import { EmptyState, emptyText } from '../../lib/EmptyState';
import { PageHeader } from '../../lib/PageHeader';
import {
  useCloseListing,
  useCreateListing,
  useCreateTalent,
  useExpressInterest,
  useInterests,
  useListings,
  useMatches,
  useTalents,
  type CreateListingInput,
  type Listing,
  type ListingFilters,
} from './api';

const KINDS = ['need', 'resource', 'project'] as const;
const tagsOf = (tags: string[]) => tags.map((tag) => <Tag key={tag}>{tag}</Tag>);

/** 三张清单 and the talent pool: the board, publishing, suggested matches, interests. */
export function ResourcesPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [filters, setFilters] = useState<ListingFilters>({});
  const listings = useListings(filters);
  const [publishing, setPublishing] = useState(false);
  const [addingTalent, setAddingTalent] = useState(false);
  const [selected, setSelected] = useState<Listing | null>(null);
  const hasOrganization = !!me?.organization;
  return (
    <>
      <PageHeader
        title={t('resources.title')}
        extra={
          <Space>
            {hasOrganization && <Button onClick={() => setAddingTalent(true)}>{t('resources.talent.add')}</Button>}
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setPublishing(true)}
              data-testid="listing-new"
            >
              {t('resources.publish.button')}
            </Button>
          </Space>
        }
      />
      <Tabs
        items={[
          {
            key: 'board',
            label: t('resources.board'),
            children: (
              <Card className="section-card">
                <Flex gap="small" wrap style={{ marginBottom: 16 }}>
                  <Select
                    allowClear
                    placeholder={t('resources.fields.kind')}
                    style={{ width: 140 }}
                    value={filters.kind}
                    onChange={(kind) => setFilters({ ...filters, kind })}
                    options={KINDS.map((k) => ({ value: k, label: t(`resources.kinds.${k}`) }))}
                  />
                  <Input.Search
                    allowClear
                    placeholder={t('resources.fields.category')}
                    style={{ width: 180 }}
                    onSearch={(category) => setFilters({ ...filters, category: category || undefined })}
                  />
                  <Input.Search
                    allowClear
                    placeholder={t('resources.fields.tag')}
                    style={{ width: 180 }}
                    onSearch={(tag) => setFilters({ ...filters, tag: tag || undefined })}
                  />
                  <Select
                    style={{ width: 120 }}
                    value={filters.status ?? 'open'}
                    onChange={(status) => setFilters({ ...filters, status })}
                    options={(['open', 'closed'] as const).map((s) => ({
                      value: s,
                      label: t(`resources.statuses.${s}`),
                    }))}
                  />
                </Flex>
                <Table<Listing>
                  rowKey="id"
                  loading={listings.isPending}
                  dataSource={listings.data ?? []}
                  data-testid="listings-table"
                  locale={{
                    emptyText: emptyText(
                      listings.isPending,
                      <EmptyState
                        text={t('emptyStates.resources')}
                        action={{
                          label: t('resources.publish.button'),
                          icon: <PlusOutlined />,
                          onClick: () => setPublishing(true),
                        }}
                      />,
                    ),
                  }}
                  onRow={(row) => ({ onClick: () => setSelected(row), style: { cursor: 'pointer' } })}
                  columns={[
                    {
                      title: t('resources.fields.kind'),
                      render: (_, l) => (
                        <Tag color={l.kind === 'need' ? 'orange' : l.kind === 'resource' ? 'green' : 'blue'}>
                          {t(`resources.kinds.${l.kind}`)}
                        </Tag>
                      ),
                    },
                    { title: t('resources.fields.title'), dataIndex: 'title' },
                    { title: t('resources.fields.category'), dataIndex: 'category' },
                    { title: t('resources.fields.tags'), render: (_, l) => tagsOf(l.tags) },
                    {
                      title: t('resources.fields.organization'),
                      render: (_, l) => l.organization?.name ?? t('resources.township'),
                    },
                    { title: t('resources.fields.validUntil'), render: (_, l) => l.validUntil ?? '—' },
                  ]}
                />
              </Card>
            ),
          },
          { key: 'talents', label: t('resources.talent.title'), children: <TalentPool /> },
          { key: 'interests', label: t('resources.interests.title'), children: <Interests /> },
        ]}
      />
      <PublishModal open={publishing} onClose={() => setPublishing(false)} />
      <TalentModal open={addingTalent} onClose={() => setAddingTalent(false)} />
      <ListingDrawer listing={selected} onClose={() => setSelected(null)} canInterest={hasOrganization} />
    </>
  );
}

function ListingDrawer({
  listing,
  onClose,
  canInterest,
}: {
  listing: Listing | null;
  onClose: () => void;
  canInterest: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const matches = useMatches(listing?.id ?? null);
  const close = useCloseListing();
  const interest = useExpressInterest();
  const showError = useShowError();
  const [note, setNote] = useState('');
  return (
    <Drawer open={!!listing} onClose={onClose} size="large" title={listing?.title} data-testid="listing-drawer">
      {listing && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>
            <Tag>{t(`resources.kinds.${listing.kind}`)}</Tag> {listing.category} {tagsOf(listing.tags)}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{listing.description}</Typography.Paragraph>
          <Typography.Text type="secondary">
            {listing.organization?.name} · {t('resources.interestCount', { count: listing.interestCount })}
          </Typography.Text>
          {listing.mine && listing.status === 'open' && (
            <Button
              danger
              onClick={() =>
                close.mutate(listing.id, {
                  onSuccess: () => (void message.success(t('resources.closed')), onClose()),
                  onError: (e) => showError(e),
                })
              }
            >
              {t('resources.close')}
            </Button>
          )}
          {!listing.mine && canInterest && listing.status === 'open' && (
            <Card size="small" title={t('resources.interests.express')}>
              <Input.TextArea
                rows={3}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                placeholder={t('resources.interests.placeholder')}
                data-testid="interest-message"
              />
              <Button
                type="primary"
                style={{ marginTop: 8 }}
                disabled={!note.trim()}
                loading={interest.isPending}
                data-testid="interest-submit"
                onClick={() =>
                  interest.mutate(
                    { id: listing.id, message: note.trim() },
                    {
                      onSuccess: (created) => void navigate(`/resources/interests/${created.id}`),
                      onError: (e) => showError(e),
                    },
                  )
                }
              >
                {t('resources.interests.submit')}
              </Button>
            </Card>
          )}
          <Card size="small" title={t('resources.matches.title')} data-testid="listing-matches">
            <List
              loading={matches.isPending}
              dataSource={matches.data ?? []}
              locale={{ emptyText: <Empty description={t('resources.matches.none')} /> }}
              renderItem={(m) => (
                <List.Item extra={<Tag color="purple">{t('resources.matches.score', { score: m.score })}</Tag>}>
                  <List.Item.Meta
                    title={`${m.type === 'talent' ? t('resources.talent.one') : t(`resources.kinds.${m.kind}`)} · ${m.title}`}
                    description={
                      <>
                        {m.organization?.name}{' '}
                        {m.sameCategory && <Tag color="gold">{t('resources.matches.sameCategory')}</Tag>}{' '}
                        {tagsOf(m.sharedTags)}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Space>
      )}
    </Drawer>
  );
}

function TalentPool() {
  const { t } = useTranslation();
  const talents = useTalents();
  return (
    <Card className="section-card">
      <Table
        rowKey="id"
        loading={talents.isPending}
        dataSource={talents.data ?? []}
        columns={[
          { title: t('resources.talent.name'), dataIndex: 'name' },
          { title: t('resources.talent.position'), render: (_, p) => p.title ?? '—' },
          { title: t('resources.fields.category'), dataIndex: 'category' },
          { title: t('resources.talent.skills'), render: (_, p) => tagsOf(p.skills) },
          { title: t('resources.fields.organization'), render: (_, p) => p.organization.name },
        ]}
      />
    </Card>
  );
}

function Interests() {
  const { t } = useTranslation();
  const interests = useInterests();
  return (
    <Card className="section-card">
      <Table
        rowKey="id"
        loading={interests.isPending}
        dataSource={interests.data ?? []}
        columns={[
          {
            title: t('resources.fields.title'),
            render: (_, i) => <Link to={`/resources/interests/${i.id}`}>{i.listing.title}</Link>,
          },
          { title: t('resources.interests.owner'), render: (_, i) => i.owner?.name ?? t('resources.township') },
          { title: t('resources.interests.interested'), render: (_, i) => i.interested.name },
          { title: t('common.createdAt'), render: (_, i) => formatDateTime(i.createdAt) },
        ]}
      />
    </Card>
  );
}

/** The publish form: tags typed as one line, the rest as the API takes it. */
interface ListingValues {
  kind: CreateListingInput['kind'];
  category: string;
  tags?: string;
  title: string;
  description: string;
  validUntil?: string;
}

/** The talent form: skills typed as one line. */
interface TalentValues {
  name: string;
  title?: string;
  category: string;
  skills?: string;
  summary?: string;
}

const splitTags = (value?: string) =>
  (value ?? '')
    .split(/[,，、\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

function PublishModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ListingValues>();
  const create = useCreateListing();
  const showError = useShowError();
  return (
    <Modal
      open={open}
      title={t('resources.publish.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) =>
          create.mutate(
            {
              kind: v.kind,
              category: v.category.trim(),
              tags: splitTags(v.tags),
              title: v.title.trim(),
              description: v.description.trim(),
              validUntil: v.validUntil || undefined,
            },
            {
              onSuccess: () => (void message.success(t('resources.publish.done')), onClose()),
              onError: (e) => showError(e, form),
            },
          )
        }
      >
        <Form.Item name="kind" label={t('resources.fields.kind')} rules={[{ required: true }]}>
          <Select
            options={KINDS.map((k) => ({ value: k, label: t(`resources.kinds.${k}`) }))}
            data-testid="listing-kind"
          />
        </Form.Item>
        <Form.Item name="title" label={t('resources.fields.title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} data-testid="listing-title" />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('resources.fields.category')}
          extra={t('resources.publish.categoryHint')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="tags" label={t('resources.fields.tags')} extra={t('resources.publish.tagsHint')}>
          <Input />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('resources.fields.description')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item name="validUntil" label={t('resources.fields.validUntil')}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TalentModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TalentValues>();
  const create = useCreateTalent();
  const showError = useShowError();
  return (
    <Modal
      open={open}
      title={t('resources.talent.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) =>
          create.mutate(
            {
              name: v.name.trim(),
              title: v.title?.trim() || undefined,
              category: v.category.trim(),
              skills: splitTags(v.skills),
              summary: v.summary?.trim() || undefined,
            },
            {
              onSuccess: () => (void message.success(t('common.saved')), onClose()),
              onError: (e) => showError(e, form),
            },
          )
        }
      >
        <Form.Item name="name" label={t('resources.talent.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="title" label={t('resources.talent.position')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('resources.fields.category')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="skills"
          label={t('resources.talent.skills')}
          extra={t('resources.publish.tagsHint')}
          rules={[{ required: true }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="summary" label={t('resources.fields.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
