import {
  Alert,
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  TimePicker,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/errors';
import { useShowError } from '../../lib/useShowError';
import { useAlliances } from '../alliances/api';
import { useMe } from '../auth/api';
import {
  inShanghai,
  shanghaiInstant,
  useFreeSlots,
  useRooms,
  useScheduleMeeting,
  type ScheduleInput,
  type Slot,
} from './api';
import { OrganizationsSelect } from './OrganizationsSelect';
import { UserSelect } from './UserSelect';

const RECURRENCES = ['none', 'weekly', 'monthly', 'quarterly'] as const;
type Recurrence = (typeof RECURRENCES)[number];
type InviteMode = 'organizations' | 'members' | 'all';
type PlaceKind = 'address' | 'online' | 'room';

interface Values {
  allianceId: string;
  title: string;
  description?: string;
  chairId: string;
  requiredUserIds?: string[];
  inviteMode: InviteMode;
  organizationIds?: string[];
  placeKind: PlaceKind;
  address?: string;
  onlineUrl?: string;
  zoneId?: string;
  date: Dayjs;
  startTime: Dayjs;
  endTime: Dayjs;
  recurrence: Recurrence;
  count?: number;
}

const RRULES: Record<Exclude<Recurrence, 'none'>, string> = {
  weekly: 'FREQ=WEEKLY;INTERVAL=1',
  monthly: 'FREQ=MONTHLY;INTERVAL=1',
  quarterly: 'FREQ=MONTHLY;INTERVAL=3',
};

function toInput(v: Values): ScheduleInput {
  const place: ScheduleInput['place'] =
    v.placeKind === 'room'
      ? { kind: 'room', zoneId: v.zoneId }
      : v.placeKind === 'online'
        ? { kind: 'online', onlineUrl: v.onlineUrl?.trim() }
        : { kind: 'address', address: v.address?.trim() };
  return {
    allianceId: v.allianceId,
    title: v.title.trim(),
    description: v.description?.trim() || undefined,
    chairId: v.chairId,
    place,
    startsAt: shanghaiInstant(v.date, v.startTime),
    endsAt: shanghaiInstant(v.date, v.endTime),
    recurrence: v.recurrence === 'none' ? undefined : `${RRULES[v.recurrence]};COUNT=${v.count ?? 4}`,
    invitees: {
      organizationIds: v.inviteMode === 'organizations' ? v.organizationIds : undefined,
      allOf: v.inviteMode === 'organizations' ? undefined : v.inviteMode,
      requiredUserIds: v.requiredUserIds?.length ? v.requiredUserIds : undefined,
    },
  };
}

/** 安排会议: the official's form, with a finder for times when everyone (and the room) is free. */
export function ScheduleMeetingModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { data: me } = useMe();
  const alliances = useAlliances();
  const rooms = useRooms(open);
  const schedule = useScheduleMeeting();
  const freeSlots = useFreeSlots();
  const showError = useShowError();
  const [clashes, setClashes] = useState<string[]>([]);
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const placeKind = Form.useWatch('placeKind', form);
  const inviteMode = Form.useWatch('inviteMode', form);
  const recurrence = Form.useWatch('recurrence', form);
  const allianceId = Form.useWatch('allianceId', form);

  const close = () => {
    setClashes([]);
    setSlots(null);
    onClose();
  };

  const onFinish = (values: Values) => {
    setClashes([]);
    schedule.mutate(toInput(values), {
      onSuccess: ({ items, notified }) => {
        close();
        form.resetFields();
        void message.success(
          t('meetings.form.scheduled', { title: items[0]?.title ?? values.title.trim(), count: notified }),
        );
        if (items[0]) void navigate(`/meetings/${items[0].id}`);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'MEETING_CONFLICT')
          setClashes(error.details.map((d) => d.reason));
        else showError(error, form);
      },
    });
  };

  const findSlots = () => {
    const v = form.getFieldsValue();
    const duration =
      v.startTime && v.endTime && v.endTime.isAfter(v.startTime) ? v.endTime.diff(v.startTime, 'minute') : 60;
    const userIds = [v.chairId, ...(v.requiredUserIds ?? [])].filter((id): id is string => !!id);
    freeSlots.mutate(
      {
        durationMinutes: duration,
        userIds: [...new Set(userIds)],
        zoneId: v.placeKind === 'room' ? v.zoneId : undefined,
      },
      { onSuccess: setSlots, onError: (error) => showError(error) },
    );
  };

  const pickSlot = (slot: Slot) => {
    const start = inShanghai(slot.startsAt);
    const end = inShanghai(slot.endsAt);
    form.setFieldsValue({
      date: dayjs(start.format('YYYY-MM-DD')),
      startTime: dayjs(`2000-01-01 ${start.format('HH:mm')}`),
      endTime: dayjs(`2000-01-01 ${end.format('HH:mm')}`),
    });
    setSlots(null);
  };

  // The defaults arrive after the (pre-rendered) form mounted.
  const defaultAlliance = alliances.items[0]?.id;
  useEffect(() => {
    if (!open) return;
    if (!form.getFieldValue('allianceId') && defaultAlliance) form.setFieldValue('allianceId', defaultAlliance);
    if (!form.getFieldValue('chairId') && me?.id) form.setFieldValue('chairId', me.id);
  }, [open, defaultAlliance, me?.id, form]);

  const required = (key: string) => [{ required: true, message: t(key) }];

  return (
    <Modal
      open={open}
      title={t('meetings.form.title')}
      onCancel={close}
      width={720}
      forceRender
      destroyOnHidden={false}
      footer={[
        <Button key="cancel" onClick={close}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={schedule.isPending}
          onClick={() => form.submit()}
          data-testid="meeting-submit"
        >
          {t('meetings.form.submit')}
        </Button>,
      ]}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        data-testid="meeting-form"
        initialValues={{
          inviteMode: 'organizations',
          placeKind: 'address',
          recurrence: 'none',
          count: 4,
          allianceId: alliances.items[0]?.id,
          chairId: me?.id,
        }}
      >
        {clashes.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={t('meetings.form.clashes')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="meeting-clashes">
                {clashes.map((reason, index) => (
                  <li key={index}>{reason}</li>
                ))}
              </ul>
            }
            style={{ marginBottom: 16 }}
          />
        )}
        <Form.Item name="allianceId" label={t('meetings.alliance')} rules={required('meetings.form.allianceRequired')}>
          <Select
            loading={alliances.isPending}
            options={alliances.items.map((alliance) => ({ value: alliance.id, label: alliance.name }))}
            getPopupContainer={(trigger: HTMLElement) => trigger.parentElement ?? document.body}
            data-testid="meeting-alliance"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('meetings.titleLabel')}
          rules={[{ required: true, whitespace: true, message: t('meetings.form.titleRequired') }, { max: 200 }]}
        >
          <Input maxLength={200} data-testid="meeting-title" />
        </Form.Item>
        <Form.Item name="description" label={t('meetings.description')} rules={[{ max: 5000 }]}>
          <Input.TextArea rows={3} data-testid="meeting-description" />
        </Form.Item>
        <Form.Item name="chairId" label={t('meetings.chair')} rules={required('meetings.form.chairRequired')}>
          <UserSelect
            allianceId={allianceId}
            knownOption={me ? { value: me.id, label: me.displayName } : undefined}
            data-testid="meeting-chair"
          />
        </Form.Item>
        <Form.Item
          name="requiredUserIds"
          label={t('meetings.form.requiredPeople')}
          extra={t('meetings.form.requiredPeopleHelp')}
        >
          <UserSelect allianceId={allianceId} mode="multiple" data-testid="meeting-required" />
        </Form.Item>
        <Form.Item name="inviteMode" label={t('meetings.form.invitees')}>
          <Radio.Group
            optionType="button"
            options={(['organizations', 'members', 'all'] as const).map((mode) => ({
              value: mode,
              label: t(`meetings.form.inviteModes.${mode}`),
            }))}
          />
        </Form.Item>
        {inviteMode === 'organizations' && (
          <Form.Item name="organizationIds" label={t('meetings.form.organizations')}>
            <OrganizationsSelect data-testid="meeting-organizations" />
          </Form.Item>
        )}
        <Form.Item name="placeKind" label={t('meetings.place')}>
          <Radio.Group
            optionType="button"
            data-testid="meeting-place-kind"
            options={(['address', 'online', ...(rooms.length > 0 ? ['room' as const] : [])] as const).map((kind) => ({
              value: kind,
              label: t(`meetings.placeKinds.${kind}`),
            }))}
          />
        </Form.Item>
        {placeKind === 'address' && (
          <Form.Item
            name="address"
            label={t('meetings.placeKinds.address')}
            rules={[{ required: true, whitespace: true, message: t('meetings.form.addressRequired') }]}
          >
            <Input maxLength={300} data-testid="meeting-address" />
          </Form.Item>
        )}
        {placeKind === 'online' && (
          <Form.Item
            name="onlineUrl"
            label={t('meetings.form.onlineUrl')}
            rules={[{ required: true, type: 'url', message: t('meetings.form.onlineUrlRequired') }]}
          >
            <Input placeholder="https://" data-testid="meeting-online-url" />
          </Form.Item>
        )}
        {placeKind === 'room' && (
          <Form.Item name="zoneId" label={t('meetings.placeKinds.room')} rules={required('meetings.form.roomRequired')}>
            <Select
              options={rooms.map((room) => ({ value: room.id, label: room.name }))}
              getPopupContainer={(trigger: HTMLElement) => trigger.parentElement ?? document.body}
              data-testid="meeting-room"
            />
          </Form.Item>
        )}
        <Space wrap align="start">
          <Form.Item name="date" label={t('meetings.form.date')} rules={required('meetings.form.dateRequired')}>
            <DatePicker
              disabledDate={(day) => day.isBefore(dayjs().startOf('day'))}
              getPopupContainer={(trigger: HTMLElement) => trigger.parentElement ?? document.body}
              data-testid="meeting-date"
            />
          </Form.Item>
          <Form.Item
            name="startTime"
            label={t('meetings.form.startTime')}
            rules={required('meetings.form.timeRequired')}
          >
            <TimePicker
              format="HH:mm"
              minuteStep={5}
              getPopupContainer={(trigger: HTMLElement) => trigger.parentElement ?? document.body}
              data-testid="meeting-start"
            />
          </Form.Item>
          <Form.Item
            name="endTime"
            label={t('meetings.form.endTime')}
            dependencies={['startTime']}
            rules={[
              ...required('meetings.form.timeRequired'),
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | undefined) => {
                  const start = getFieldValue('startTime') as Dayjs | undefined;
                  return !value || !start || value.format('HH:mm') > start.format('HH:mm')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('meetings.form.endAfterStart')));
                },
              }),
            ]}
          >
            <TimePicker
              format="HH:mm"
              minuteStep={5}
              getPopupContainer={(trigger: HTMLElement) => trigger.parentElement ?? document.body}
              data-testid="meeting-end"
            />
          </Form.Item>
        </Space>
        <Form.Item>
          <Button onClick={findSlots} loading={freeSlots.isPending} data-testid="meeting-find-slots">
            {t('meetings.form.findSlots')}
          </Button>
          {slots && (
            <div style={{ marginTop: 8 }} data-testid="meeting-slots">
              {slots.length === 0 ? (
                <Typography.Text type="secondary">{t('meetings.form.noSlots')}</Typography.Text>
              ) : (
                <>
                  <Typography.Text type="secondary">{t('meetings.form.pickSlot')}</Typography.Text>
                  <Flex wrap gap={6} style={{ marginTop: 6 }}>
                    {slots.map((slot) => (
                      <Button
                        key={slot.startsAt}
                        size="small"
                        onClick={() => pickSlot(slot)}
                        data-testid="meeting-slot"
                      >
                        {`${inShanghai(slot.startsAt).format('MM-DD ddd HH:mm')}–${inShanghai(slot.endsAt).format('HH:mm')}`}
                      </Button>
                    ))}
                  </Flex>
                </>
              )}
            </div>
          )}
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="recurrence" label={t('meetings.form.recurrence')}>
            <Select
              style={{ minWidth: 160 }}
              options={RECURRENCES.map((value) => ({ value, label: t(`meetings.recurrences.${value}`) }))}
              getPopupContainer={(trigger: HTMLElement) => trigger.parentElement ?? document.body}
              data-testid="meeting-recurrence"
            />
          </Form.Item>
          {recurrence && recurrence !== 'none' && (
            <Form.Item name="count" label={t('meetings.form.count')} rules={required('meetings.form.countRequired')}>
              <InputNumber min={2} max={52} data-testid="meeting-count" />
            </Form.Item>
          )}
        </Space>
      </Form>
    </Modal>
  );
}
