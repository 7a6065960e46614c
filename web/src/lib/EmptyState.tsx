import { Button, Empty, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import './empty-state.css';

export interface EmptyStateAction {
  label: string;
  icon?: ReactNode;
  /** A page to open, or */
  to?: string;
  /** something to do here (open a dialog). */
  onClick?: () => void;
  testId?: string;
}

/** A table's empty text: nothing under the spinner while the list loads (not "no data"), then `node`. */
export function emptyText(loading: boolean | undefined, node: ReactNode): ReactNode {
  return loading ? <div className="empty-state-loading" /> : node;
}

/**
 * What an empty list shows instead of a bare "暂无数据": one sentence of what the page is for, and,
 * when the person can start it, a button to the first step.
 */
export function EmptyState({ text, action }: { text: string; action?: EmptyStateAction }) {
  const button = action && (
    <Button
      type="primary"
      icon={action.icon}
      onClick={action.onClick}
      data-testid={action.testId ?? 'empty-state-action'}
    >
      {action.label}
    </Button>
  );
  return (
    <Empty
      className="empty-state"
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      data-testid="empty-state"
      description={
        <Typography.Text type="secondary" className="empty-state-text">
          {text}
        </Typography.Text>
      }
    >
      {button && (action.to ? <Link to={action.to}>{button}</Link> : button)}
    </Empty>
  );
}
