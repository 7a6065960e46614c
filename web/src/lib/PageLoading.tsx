import { Spin } from 'antd';

/** What shows while a page's code or the signed-in user loads: a spinner at once, never a blank page. */
export function PageLoading({ fullPage = false }: { fullPage?: boolean }) {
  return (
    <div className={fullPage ? 'full-page-center' : 'page-loading'} data-testid="page-loading">
      <Spin size="large" />
    </div>
  );
}
