import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useLanguage } from '../../i18n/language';
import { Actor } from '../../shared/actor';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime } from '../../shared/time';
import { useParcels, type Parcel } from './intake-api';
import { ParcelStatus } from './parcel-status';
import { Table } from '../../shared/table';

type Decision = { parcel: Parcel; kind: 'release' | 'reject' };

/**
 * Parcels whose logistics data matched no order (or a batch already admitted): an officer
 * releases one into its batch or rejects it, with the reason, which the service audits.
 */
export default function Quarantine() {
  const { t, language } = useLanguage();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const quarantined = useParcels('quarantined');
  const rejected = useParcels('rejected');
  const admitted = useParcels('admitted');
  const [decision, setDecision] = useState<Decision | null>(null);
  const [reason, setReason] = useState('');
  const [batchNumber, setBatchNumber] = useState('');

  const decide = useMutation({
    mutationFn: ({ parcel, kind }: Decision) =>
      kind === 'release'
        ? unwrap(
            api.evidence.POST('/intake/parcels/{id}/release', {
              params: { path: { id: parcel.id } },
              body: {
                reason: reason.trim(),
                ...(batchNumber.trim() ? { batchNumber: batchNumber.trim() } : {}),
              },
            }),
          )
        : unwrap(
            api.evidence.POST('/intake/parcels/{id}/reject', {
              params: { path: { id: parcel.id } },
              body: { reason: reason.trim() },
            }),
          ),
    onSuccess: (_, d) => {
      void message.success(d.kind === 'release' ? t.intake.released : t.intake.rejected);
      setDecision(null);
      void queries.invalidateQueries({ queryKey: ['intake'] });
    },
  });

  const ask = (parcel: Parcel, kind: Decision['kind']) => {
    decide.reset();
    setReason('');
    setBatchNumber(parcel.batchNumber ?? '');
    setDecision({ parcel, kind });
  };

  const resolved = [
    ...(rejected.data?.items ?? []),
    ...(admitted.data?.items ?? []).filter((p) => p.resolvedAt),
  ].sort((a, b) => (b.resolvedAt ?? '').localeCompare(a.resolvedAt ?? ''));

  const common = [
    {
      title: t.intake.trackingNumber,
      dataIndex: 'trackingNumber',
      width: 180,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: t.intake.carrier, dataIndex: 'carrier', width: 110, render: (v: string) => v || '—' },
    {
      title: t.intake.receivedAt,
      dataIndex: 'receivedAt',
      width: 150,
      render: (v: string) => shanghaiTime(v, language),
    },
    { title: t.intake.quarantineReason, dataIndex: 'quarantineReason', width: 260 },
  ];

  return (
    <Page title={t.intake.quarantineTitle}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <ErrorAlert error={quarantined.error} />
          <Table<Parcel>
            size="small"
            rowKey="id"
            loading={quarantined.isLoading}
            dataSource={quarantined.data?.items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            data-testid="quarantined-parcels"
            locale={{ emptyText: <Empty description={t.intake.quarantineEmpty} /> }}
            columns={[
              ...common,
              {
                title: t.intake.batch,
                dataIndex: 'batchNumber',
                width: 130,
                render: (v: string | null) => v ?? '—',
              },
              {
                title: '',
                width: 150,
                render: (_, p) => (
                  <Space>
                    <Button size="small" type="primary" onClick={() => ask(p, 'release')}>
                      {t.intake.release}
                    </Button>
                    <Button size="small" onClick={() => ask(p, 'reject')}>
                      {t.intake.reject}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.intake.resolvedList}</h2>}>
          <Table<Parcel>
            size="small"
            rowKey="id"
            loading={rejected.isLoading || admitted.isLoading}
            dataSource={resolved}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 1100 }}
            data-testid="resolved-parcels"
            columns={[
              ...common,
              {
                title: t.intake.resolution,
                dataIndex: 'status',
                width: 100,
                render: (_, p) => <ParcelStatus parcel={p} />,
              },
              {
                title: t.intake.batch,
                dataIndex: 'batchNumber',
                width: 130,
                render: (v: string | null) => (v ? <Link to={`/batches/${v}`}>{v}</Link> : '—'),
              },
              { title: t.intake.resolutionReason, dataIndex: 'resolutionReason', width: 200 },
              {
                title: t.intake.actor,
                dataIndex: 'resolvedBy',
                width: 110,
                render: (v: string | null) => <Actor id={v} />,
              },
            ]}
          />
        </Card>
      </Space>
      <Modal
        open={decision !== null}
        title={decision?.kind === 'release' ? t.intake.releaseTitle : t.intake.rejectTitle}
        okText={decision?.kind === 'release' ? t.intake.release : t.intake.reject}
        okButtonProps={{
          disabled: reason.trim().length < 2,
          loading: decide.isPending,
        }}
        cancelText={t.common.cancel}
        onOk={() => decision && decide.mutate(decision)}
        onCancel={() => setDecision(null)}
        destroyOnHidden
      >
        {decision ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              {decision.parcel.carrier}{' '}
              <Typography.Text code>{decision.parcel.trackingNumber}</Typography.Text>
            </Typography.Text>
            <Typography.Text type="secondary">{decision.parcel.quarantineReason}</Typography.Text>
            {decision.kind === 'release' ? (
              <div>
                <label htmlFor="release-batch">{t.intake.releaseBatch}</label>
                <Input
                  id="release-batch"
                  value={batchNumber}
                  onChange={(e) => setBatchNumber(e.target.value)}
                  placeholder="HZ2026-000123"
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t.intake.releaseBatchHint}
                </Typography.Text>
              </div>
            ) : null}
            <div>
              <label htmlFor="decision-reason">{t.intake.reason}</label>
              <Input.TextArea
                id="decision-reason"
                rows={3}
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
            <ErrorAlert error={decide.error} />
          </Space>
        ) : null}
      </Modal>
    </Page>
  );
}
