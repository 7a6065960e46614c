import { Alert, Button, Card, Form, Input, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { applyFormErrors, errorMessage } from '../../api/errors';
import { LanguageSwitch } from '../../lib/LanguageSwitch';
import { useAcceptInvitation } from './api';

interface Values {
  password: string;
  confirm: string;
}

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [form] = Form.useForm<Values>();
  const accept = useAcceptInvitation();
  const navigate = useNavigate();

  if (!token) {
    return (
      <Result
        status="warning"
        title={t('invitation.missingToken')}
        extra={<Link to="/login">{t('invitation.toLogin')}</Link>}
      />
    );
  }

  const onFinish = ({ password }: Values) =>
    accept.mutate(
      { token, password },
      {
        onSuccess: () => void navigate('/', { replace: true }),
        onError: (error) => applyFormErrors(form, error),
      },
    );

  return (
    <div className="auth-page">
      <div className="auth-page-language">
        <LanguageSwitch />
      </div>
      <Card className="auth-card">
        <Typography.Title level={3} className="auth-title">
          {t('invitation.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="auth-subtitle">
          {t('invitation.subtitle')}
        </Typography.Paragraph>
        {accept.isError && <Alert type="error" showIcon title={errorMessage(accept.error)} className="auth-alert" />}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="password"
            label={t('password.new')}
            rules={[
              { required: true, message: t('password.newRequired') },
              { min: 12, message: t('password.minLength', { count: 12 }) },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="invitation-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['password']}
            rules={[
              { required: true, message: t('password.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || getFieldValue('password') === value
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="invitation-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={accept.isPending} data-testid="invitation-submit">
            {t('invitation.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
