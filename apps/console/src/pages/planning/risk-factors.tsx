import { Table, Typography } from 'antd';
import type { planning } from '../../api/generated';
import { useLanguage } from '../../i18n/language';

type Factor = planning.components['schemas']['FactorView'];

/** A risk score explained: each factor's value (0..1), its weight, and what it adds to the score. */
export function RiskFactors({ factors, score }: { factors: Factor[]; score?: number | null }) {
  const { t } = useLanguage();
  return (
    <>
      {score != null ? (
        <Typography.Paragraph>
          {t.listings.risk}: <b>{score.toFixed(3)}</b>{' '}
          <Typography.Text type="secondary">{t.listings.scoreIsSum}</Typography.Text>
        </Typography.Paragraph>
      ) : null}
      <Table<Factor>
        size="small"
        rowKey="factor"
        pagination={false}
        dataSource={factors}
        scroll={{ x: 480 }}
        columns={[
          {
            title: t.listings.factor,
            dataIndex: 'factor',
            render: (f: Factor['factor']) => t.listings.factors[f] ?? f,
          },
          {
            title: t.listings.raw,
            dataIndex: 'raw',
            render: (raw: unknown) =>
              raw == null ? '—' : typeof raw === 'number' ? raw.toFixed(2) : String(raw),
          },
          { title: t.listings.value, dataIndex: 'value', render: (v: number) => v.toFixed(3) },
          { title: t.listings.weight, dataIndex: 'weight', render: (v: number) => v.toFixed(2) },
          {
            title: t.listings.contribution,
            dataIndex: 'contribution',
            render: (v: number) => <b>{v.toFixed(3)}</b>,
          },
        ]}
      />
    </>
  );
}
