import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useShowError } from '../../lib/useShowError';
import { useAlliances } from '../alliances/api';
import { useMe } from '../auth/api';
import { OrganizationsSelect } from '../meetings';
import { BLIND_MODES, type BlindMode, useCreateReport, useUserSearch } from './api';

interface Values {
  allianceId: string;
  title: string;
  abstract: string;
  topics?: string[];
  coAuthorIds?: string[];
  subjectOrganizationIds?: string[];
  blindMode: BlindMode;
}

/** Co-authors, searched by name (only officials may list the township's users). */
function CoAuthorSelect({ value, onChange }: { value?: string[]; onChange?: (value: string[]) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const q = useDeferredValue(search.trim());
  const { data, isFetching } = useUserSearch(q, opened);
  return (
    <Select
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={onChange}
      onOpenChange={(open) => open && setOpened(true)}
      getPopupContainer={(trigger: HTMLElement) => trigger.parentElement ?? document.body}
      loading={isFetching}
      placeholder={t('thinkTank.form.coAuthorsPlaceholder')}
      options={(data ?? []).map((user) => ({
        value: user.id,
        label: user.organization ? `${user.displayName}（${user.organization.name}）` : user.displayName,
      }))}
      data-testid="report-coauthors"
    />
  );
}

/** The author starts a report: what it is about and how it is reviewed; the file comes next, on the report page. */
export function CreateReportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const showError = useShowError();
  const create = useCreateReport();
  const { data: me } = useMe();
  const alliances = useAlliances();

  const submit = (values: Values) =>
    create.mutate(values, {
      onSuccess: (report) => {
        form.resetFields();
        onClose();
        void navigate(`/think-tank/reports/${report.id}`);
      },
      onError: (error) => showError(error, form),
    });

  return (
    <Modal
      open={open}
      title={t('thinkTank.reports.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.create')}
      okButtonProps={{ loading: create.isPending, ...({ 'data-testid': 'report-form-submit' } as object) }}
      width={720}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ blindMode: 'single' }}
        data-testid="report-form"
      >
        <Form.Item
          name="allianceId"
          label={t('thinkTank.fields.alliance')}
          rules={[{ required: true, message: t('thinkTank.form.allianceRequired') }]}
        >
          <Select
            data-testid="report-alliance"
            loading={alliances.isLoading}
            getPopupContainer={(trigger: HTMLElement) => trigger.parentElement ?? document.body}
            options={alliances.items.map((alliance) => ({ value: alliance.id, label: alliance.name }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('thinkTank.fields.title')}
          rules={[{ required: true, min: 2, max: 300, message: t('thinkTank.form.titleRequired') }]}
        >
          <Input data-testid="report-title" maxLength={300} />
        </Form.Item>
        <Form.Item
          name="abstract"
          label={t('thinkTank.fields.abstract')}
          rules={[{ required: true, min: 10, max: 10000, message: t('thinkTank.form.abstractRequired') }]}
        >
          <Input.TextArea data-testid="report-abstract" rows={4} maxLength={10000} showCount />
        </Form.Item>
        <Form.Item name="topics" label={t('thinkTank.fields.topics')} extra={t('thinkTank.form.topicsHelp')}>
          <Select mode="tags" data-testid="report-topics" tokenSeparators={[',', '，', '、']} />
        </Form.Item>
        {me?.role === 'township_admin' ? (
          <Form.Item name="coAuthorIds" label={t('thinkTank.fields.coAuthors')}>
            <CoAuthorSelect />
          </Form.Item>
        ) : (
          <Form.Item label={t('thinkTank.fields.coAuthors')}>
            <Alert type="info" showIcon message={t('thinkTank.form.coAuthorsByOffice')} />
          </Form.Item>
        )}
        <Form.Item
          name="subjectOrganizationIds"
          label={t('thinkTank.fields.subjects')}
          extra={t('thinkTank.form.subjectsHelp')}
        >
          <OrganizationsSelect data-testid="report-subjects" />
        </Form.Item>
        <Form.Item name="blindMode" label={t('thinkTank.fields.blindMode')} extra={t('thinkTank.form.blindModeHelp')}>
          <Radio.Group data-testid="report-blind-mode">
            {BLIND_MODES.map((mode) => (
              <Radio key={mode} value={mode} data-testid={`report-blind-${mode}`}>
                {t(`thinkTank.blindModes.${mode}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}
