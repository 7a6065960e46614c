import { Grid } from 'antd';

/**
 * Below antd's `md` breakpoint (768 px): a phone, where the app shows its bottom tab bar instead of
 * the sidebar, and lists as cards instead of tables. False until the first measurement, which
 * happens before the first paint.
 */
export function useIsPhone(): boolean {
  return Grid.useBreakpoint().md === false;
}
