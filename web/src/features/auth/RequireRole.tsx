import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role } from '../../lib/options';
import { useMe } from './api';

export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me || !roles.includes(me.role)) {
    return (
      <Result
        status="403"
        title="403"
        subTitle={t('errors.forbiddenPage')}
        extra={
          <Link to="/">
            <Button type="primary">{t('common.backHome')}</Button>
          </Link>
        }
      />
    );
  }
  return children;
}
