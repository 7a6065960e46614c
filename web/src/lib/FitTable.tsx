import { Table, type TableColumnType, type TableProps } from 'antd';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { emptyText } from './EmptyState';
import './fit-table.css';

/** A column that knows how much room it needs, and whether it may go when the room is short. */
export type FitColumn<T> = Omit<TableColumnType<T>, 'width'> & {
  /** Pixels (padding included) the column needs to show its usual content on one line. */
  width: number;
  /** May be left out when the table would not fit otherwise: the highest number goes first. Without it, always shown. */
  drop?: number;
  /** Takes whatever room the other columns leave (at least `width`): give it to the one column of free text. */
  grow?: boolean;
};

/** The columns that fit into `available` pixels, leaving out droppable ones, highest `drop` first. */
export function fitColumns<T>(columns: FitColumn<T>[], available: number): FitColumn<T>[] {
  let total = columns.reduce((sum, column) => sum + column.width, 0);
  const dropped = new Set<FitColumn<T>>();
  const droppable = columns.filter((column) => column.drop !== undefined).sort((a, b) => b.drop! - a.drop!);
  for (const column of droppable) {
    if (total <= available) break;
    dropped.add(column);
    total -= column.width;
  }
  return columns.filter((column) => !dropped.has(column));
}

/** The antd column of a fitted one: the layout hints (drop, grow) stay out of it. */
function toTableColumn<T>(fit: FitColumn<T>): TableColumnType<T> {
  const column: TableColumnType<T> & Pick<FitColumn<T>, 'drop' | 'grow'> = {
    ellipsis: true,
    ...fit,
    width: fit.grow ? undefined : fit.width,
  };
  delete column.drop;
  delete column.grow;
  return column;
}

export type FitTableProps<T> = Omit<TableProps<T>, 'columns' | 'scroll' | 'tableLayout'> & {
  columns: FitColumn<T>[];
  /** A fixed height for the body, which then scrolls (its header stays). */
  scrollY?: number;
  /** What an empty list shows (an EmptyState saying what the page is for); nothing while loading. */
  empty?: ReactNode;
};

/**
 * A table that chooses its columns for the room it has: it measures its own width (the sider may
 * be open or folded, the window 1280 or 1920 wide), leaves out the columns marked `drop` until the
 * rest fit, and cuts long text with an ellipsis whose full text shows on hover. It never runs past
 * its container; only when even the columns it must keep do not fit (a phone) does it scroll
 * inside itself. Pages on phones usually show cards instead.
 */
export function FitTable<T extends object>({ columns, empty, locale, loading, scrollY, ...props }: FitTableProps<T>) {
  const box = useRef<HTMLDivElement>(null);
  const [available, setAvailable] = useState<number | null>(null);

  // Measured before the first paint, so the table never shows the columns it is about to drop.
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setAvailable(Math.floor(element.getBoundingClientRect().width));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const isLoading = typeof loading === 'object' ? loading.spinning !== false : Boolean(loading);
  const kept = available === null ? columns : fitColumns(columns, available);
  const total = kept.reduce((sum, column) => sum + column.width, 0);
  const shown = kept.map(toTableColumn);

  return (
    <div ref={box} className="fit-table">
      <Table<T>
        {...props}
        columns={shown}
        loading={loading}
        tableLayout="fixed"
        scroll={{ x: available !== null && total > available ? total : undefined, y: scrollY }}
        locale={{ ...locale, ...(isLoading || empty ? { emptyText: emptyText(isLoading, empty) } : {}) }}
      />
    </div>
  );
}
