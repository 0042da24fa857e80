import { ProTable as AntProTable, type ProColumns, type ProTableProps } from '@ant-design/pro-table';
import { Table as AntTable, Descriptions, Grid, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { isValidElement, type ReactNode } from 'react';

/** Columns a phone keeps beside the first (the row's key): what the row is in, and what to do with it. */
const PHONE_KEYS = /^(status|state|verdict|actions?)$/i;

/** What both Ant Design's and Pro's column types have in common, as far as fitting them needs. */
interface AnyColumn {
  key?: unknown;
  dataIndex?: unknown;
  fixed?: unknown;
  hidden?: boolean;
  children?: unknown;
  title?: unknown;
}

type Expandable<T> = TableProps<T>['expandable'];

const keyOf = (c: AnyColumn): string => {
  if (c.key !== undefined && c.key !== null) return String(c.key);
  const index = c.dataIndex;
  return Array.isArray(index) ? index.join('.') : index === undefined ? '' : String(index);
};

const valueAt = (record: object, index: unknown): unknown => {
  const path: unknown[] = Array.isArray(index) ? index : index === undefined ? [] : [index];
  return path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[String(k)] : undefined),
    record,
  );
};

/** A render's output as a node: `—` for nothing, the content of a `{ children, props }` cell. */
const asNode = (out: unknown): ReactNode => {
  if (out === null || out === undefined || out === '') return '—';
  if (isValidElement(out) || typeof out !== 'object' || Array.isArray(out)) return out as ReactNode;
  return ((out as { children?: ReactNode }).children ?? '—') as ReactNode;
};

const titleOf = (c: AnyColumn): ReactNode =>
  (typeof c.title === 'function' ? (c.title as (p: object) => ReactNode)({}) : c.title) as ReactNode;

/**
 * Below the `md` breakpoint: the first column (the row's key), its status and its actions (columns
 * keyed or indexed `status`, `state`, `verdict`, `actions`, untitled or fixed right) stay; the others move
 * into the row's expansion as label and value (`cell` draws each as its table would). Undefined:
 * nothing to fold, the table stays as it is.
 */
function usePhoneLayout<T, C extends AnyColumn>(
  columns: C[] | undefined,
  own: Expandable<T>,
  cell: (column: C, record: T, index: number) => ReactNode,
): { columns: C[]; expandable: Expandable<T> } | undefined {
  const narrow = Grid.useBreakpoint().md === false;
  if (!narrow || !columns || columns.some((c) => c.children)) return undefined;
  // An untitled column is a row's buttons.
  const keep = (c: C, i: number) =>
    i === 0 || PHONE_KEYS.test(keyOf(c)) || c.fixed === 'right' || c.title === '';
  const folded = columns.filter((c, i) => !keep(c, i) && !c.hidden);
  if (folded.length === 0) return undefined;
  return {
    columns: columns.filter(keep).map((c) => ({ ...c, width: undefined, fixed: undefined, ellipsis: false })),
    expandable: {
      ...own,
      rowExpandable: () => true,
      expandedRowRender: (record, index, indent, expanded) => (
        <div data-testid="row-more">
          <Descriptions
            size="small"
            column={1}
            items={folded.map((c, i) => ({
              key: keyOf(c) || String(i),
              label: titleOf(c),
              children: cell(c, record, index),
            }))}
          />
          {own?.expandedRowRender?.(record, index, indent, expanded)}
        </div>
      ),
    },
  };
}

/** Only a vertical scroll survives on a phone: the row fits the screen, nothing scrolls sideways. */
const phoneScroll = (scroll: TableProps<object>['scroll']) =>
  scroll?.y !== undefined ? { scroll: { y: scroll.y } } : {};

/**
 * Ant Design's Table, fitted to a phone (see usePhoneLayout): no right-hand column cut off, no
 * sideways scroll. Wider screens get the table unchanged.
 */
export function Table<T extends object>(props: TableProps<T>) {
  const phone = usePhoneLayout<T, ColumnType<T>>(
    props.columns as ColumnType<T>[] | undefined,
    props.expandable,
    (c, record, index) => {
      const value = valueAt(record, c.dataIndex);
      return asNode(c.render ? c.render(value, record, index) : value);
    },
  );
  if (!phone) return <AntTable<T> {...props} />;
  const { scroll, ...rest } = props;
  return (
    <AntTable<T> {...rest} {...phoneScroll(scroll)} columns={phone.columns} expandable={phone.expandable} />
  );
}

/** Pro's table, fitted to a phone the same way. */
export function ProTable<T extends Record<string, unknown>>(
  props: ProTableProps<T, Record<string, unknown>>,
) {
  const phone = usePhoneLayout<T, ProColumns<T>>(props.columns, props.expandable, (c, record, index) => {
    const value = valueAt(record, c.dataIndex);
    return asNode(
      c.render ? c.render(value as ReactNode, record, index, undefined, { ...c, type: 'table' }) : value,
    );
  });
  if (!phone) return <AntProTable<T, Record<string, unknown>> {...props} />;
  const { scroll, ...rest } = props;
  return (
    <AntProTable<T, Record<string, unknown>>
      {...rest}
      {...phoneScroll(scroll)}
      columns={phone.columns}
      expandable={phone.expandable}
    />
  );
}
