import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { applyFormErrors, errorMessage } from '../../api/errors';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { useLogin, type LoginInput } from './api';
import { useTokens } from './session';

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginInput>();
  const login = useLogin();
  const tokens = useTokens();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (tokens && !login.isPending) return <Navigate to={from} replace />;

  const onFinish = (values: LoginInput) => {
    login.mutate(values, {
      onSuccess: () => navigate(from, { replace: true }),
      onError: (error) => applyFormErrors(form, error),
    });
  };

  return (
    <div className="auth-page">
      <div className="auth-page-language">
        <LanguageSwitch />
      </div>
      <Card className="auth-card">
        <Typography.Title level={3} className="auth-title">
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="auth-subtitle">
          {t('app.tagline')}
        </Typography.Paragraph>
        {login.isError && (
          <Alert type="error" showIcon title={errorMessage(login.error)} className="auth-alert" data-testid="login-error" />
        )}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
          <Form.Item
            name="email"
            label={t('login.account')}
            rules={[{ required: true, whitespace: true, message: t('login.accountRequired') }]}
          >
            <Input
              prefix={<UserOutlined />}
              placeholder={t('login.accountPlaceholder')}
              autoComplete="username"
              data-testid="login-email"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              placeholder={t('login.passwordPlaceholder')}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
