import { App } from 'antd';
import { Outlet } from 'react-router';

/**
 * antd's App (the message, notification and modal hooks, the base text style) around every page but
 * the login page: its code is a chunk of its own, so the login page does not carry it.
 */
export function AntAppOutlet() {
  return (
    <App>
      <Outlet />
    </App>
  );
}
