import { BookOutlined } from '@ant-design/icons';
import type { NavItem } from '../../shell/navigation';

/** 工作台账: one menu entry for officials. */
export const ledgerNav: NavItem = {
  path: '/ledgers',
  api: 'GET /alliances/:id/ledgers',
  labelKey: 'nav.ledger',
  icon: <BookOutlined />,
};
