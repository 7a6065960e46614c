import { Button, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ApiError, errorMessage } from '../api/errors';
import { NotFoundPage } from './StatusPage';

/** Route errorElement: anything thrown while rendering or loading a route lands here. */
export function ErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();

  if (
    (isRouteErrorResponse(error) && error.status === 404) ||
    (error instanceof ApiError && error.statusCode === 404)
  ) {
    return <NotFoundPage />;
  }
  const detail = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : errorMessage(error);
  const requestId = error instanceof ApiError ? error.requestId : undefined;

  return (
    <Result
      status="error"
      title={t('errors.pageTitle')}
      subTitle={detail}
      data-testid="error-page"
      extra={[
        <Button type="primary" key="reload" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>,
        <Button key="home" onClick={() => window.location.assign('/')}>
          {t('common.backHome')}
        </Button>,
      ]}
    >
      {requestId && (
        <Typography.Text type="secondary" copyable>
          {t('errors.requestId', { id: requestId })}
        </Typography.Text>
      )}
    </Result>
  );
}
