import { LinkOutlined } from '@ant-design/icons';
import type { NavItem } from '../../shell/navigation';

/** 结对联系: officials only. */
export const pairingNav: NavItem = {
  path: '/pairing',
  api: 'GET /pairing/pairs',
  labelKey: 'nav.pairing',
  icon: <LinkOutlined />,
};
