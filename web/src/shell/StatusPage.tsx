import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const PAGES = {
  403: { subTitleKey: 'errors.forbiddenPage', testId: 'forbidden' },
  404: { subTitleKey: 'errors.notFoundPage', testId: 'not-found' },
} as const;

/** A page that cannot be shown: one the role may not open (403) or one that does not exist (404). */
function StatusPage({ status }: { status: keyof typeof PAGES }) {
  const { t } = useTranslation();
  const page = PAGES[status];
  return (
    <Result
      status={String(status) as '403' | '404'}
      title={String(status)}
      subTitle={t(page.subTitleKey)}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
      data-testid={page.testId}
    />
  );
}

export const NotFoundPage = () => <StatusPage status={404} />;

/** A page the user's role may not open (RequireRole). */
export const Forbidden = () => <StatusPage status={403} />;
