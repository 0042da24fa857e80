import { Descriptions, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { hasAnyRole, useSession } from '../../auth/session';
import { useLanguage } from '../../i18n/language';
import { Actor } from '../../shared/actor';
import { categoryLabel } from '../../shared/categories';
import { shanghaiTime, yuan } from '../../shared/time';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Facts naming a staff member (by subject). */
const PEOPLE = new Set(['decidedBy', 'priceApprovedBy']);
/** Shown elsewhere on the stage (the plan's title links to the plan). */
const HIDDEN = new Set(['planId']);
const PLAN_READERS = ['planner', 'approver', 'auditor'] as const;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What one stage recorded, in the viewer's language: labels, coded values, money, times, links. */
export function StageFacts({ facts }: { facts: Record<string, unknown> }) {
  const { t, language } = useLanguage();
  const session = useSession();
  const labels = t.batch.facts as Record<string, string>;
  const values = t.batch.values as Record<string, Record<string, string>>;
  const coded = (key: string, v: unknown) => values[key]?.[String(v)] ?? String(v);

  const render = (key: string, value: unknown): ReactNode => {
    if (PEOPLE.has(key) && typeof value === 'string') return <Actor id={value} />;
    if (key === 'planTitle' && typeof facts['planId'] === 'string' && hasAnyRole(session, PLAN_READERS))
      return <Link to={`/plans/${facts['planId']}`}>{String(value)}</Link>;
    if (key === 'category' && typeof value === 'string') return categoryLabel(value, language);
    if (key.endsWith('Fen') && typeof value === 'number') return yuan(value);
    if (typeof value === 'boolean') return value ? t.common.yes : t.common.no;
    if (key === 'verdict' && typeof value === 'string')
      return <Tag color={value === 'fail' ? 'red' : 'green'}>{coded(key, value)}</Tag>;
    if (typeof value === 'string' && /Url$/.test(key) && /^https?:\/\//.test(value))
      return (
        <a href={value} target="_blank" rel="noreferrer noopener" style={{ wordBreak: 'break-all' }}>
          {value}
        </a>
      );
    if (typeof value === 'string' && ISO_TIME.test(value)) return shanghaiTime(value, language);
    if (typeof value === 'string' && UUID.test(value))
      return (
        <Typography.Text code title={value}>
          {value.slice(0, 8)}
        </Typography.Text>
      );
    if (Array.isArray(value))
      return value.length === 0
        ? '—'
        : value.map((v) => (isRecord(v) ? JSON.stringify(v) : coded(key, v))).join('、');
    if (key === 'participants' && isRecord(value))
      return Object.entries(value)
        .map(([role, n]) => `${coded('participants', role)} ${String(n)}`)
        .join('、');
    if (isRecord(value))
      return Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([k, v]) => `${labels[k] ?? k} ${String(v)}`)
        .join(' · ');
    return coded(key, value);
  };

  const rows = Object.entries(facts).filter(
    ([key, value]) => !HIDDEN.has(key) && value !== null && value !== undefined && value !== '',
  );
  if (rows.length === 0) return null;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 1, md: 2, xl: 2, xxl: 3 }}
      style={{ marginTop: 8 }}
    >
      {rows.map(([key, value]) => (
        <Descriptions.Item key={key} label={labels[key] ?? key}>
          {render(key, value)}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
