import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  Select,
  Space,
  Tag,
  Typography,
  type InputRef,
} from 'antd';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { fill, useLanguage } from '../../i18n/language';
import { Actor } from '../../shared/actor';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime } from '../../shared/time';
import { CARRIERS, useExpectedParcels, useParcels, type ExpectedParcel, type Parcel } from './intake-api';
import { ParcelStatus } from './parcel-status';
import { Table } from '../../shared/table';

/** A card's heading, wrapped on a narrow screen rather than cut. */
const CARD_TITLE = { fontSize: 16, margin: 0, whiteSpace: 'normal' } as const;

/** One scan's outcome, shown at the top until the next (admitted, or quarantined with the reason). */
function ScanResult({ parcel }: { parcel: Parcel }) {
  const { t } = useLanguage();
  if (parcel.status === 'admitted')
    return (
      <Alert
        type="success"
        showIcon
        role="status"
        data-testid="scan-result"
        message={fill(t.intake.admitted, { batch: parcel.batchNumber ?? '' })}
        description={
          <Space wrap>
            <span>{t.intake.admittedHint}</span>
            <Link to={`/intake/parcels/${parcel.id}/unpack`}>{t.intake.startUnpacking}</Link>
          </Space>
        }
      />
    );
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      data-testid="scan-result"
      message={t.intake.quarantined}
      description={
        <Space direction="vertical" size={2}>
          <span>
            {t.intake.quarantineReason}: {parcel.quarantineReason}
          </span>
          <span>{t.intake.quarantinedHint}</span>
          <Link to="/intake/quarantine">{t.intake.openQuarantine}</Link>
        </Space>
      }
    />
  );
}

/**
 * The intake desk: the tracking-number field has the focus and submits on Enter, as a USB barcode
 * scanner types; each parcel is admitted against its order or quarantined. Below, the parcels
 * expected and those received lately.
 */
export default function Parcels() {
  const { t, language } = useLanguage();
  const queries = useQueryClient();
  const field = useRef<InputRef>(null);
  const [trackingNumber, setTrackingNumber] = useState('');
  // Empty: matched on the number alone (a scanner reads only the number); the order gives the carrier.
  const [carrier, setCarrier] = useState('');
  const [condition, setCondition] = useState<'intact' | 'damaged'>('intact');
  const [scanned, setScanned] = useState<Parcel[]>([]);
  const expected = useExpectedParcels();
  const recent = useParcels(undefined);

  useEffect(() => field.current?.focus(), []);

  const receive = useMutation({
    mutationFn: (body: { carrier?: string; trackingNumber: string; condition: 'intact' | 'damaged' }) =>
      unwrap(api.evidence.POST('/intake/parcels', { body })),
    onSuccess: (parcel) => {
      setScanned((s) => [parcel, ...s].slice(0, 10));
      setCondition('intact');
      void queries.invalidateQueries({ queryKey: ['intake'] });
    },
    // Not stored: the number comes back to the field, unless the next one is being typed there.
    onError: (_, body) => setTrackingNumber((typed) => typed || body.trackingNumber),
    onSettled: () => field.current?.focus(),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const number = trackingNumber.trim();
    if (!number || receive.isPending) return;
    // Emptied at once: a scanner types the next number while this one is being stored, and
    // emptying the field when the answer comes would wipe what was typed meanwhile.
    setTrackingNumber('');
    receive.mutate({
      ...(carrier.trim() ? { carrier: carrier.trim() } : {}),
      trackingNumber: number,
      condition,
    });
  };

  return (
    <Page title={t.intake.parcelsTitle}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={<h2 style={CARD_TITLE}>{t.intake.receive}</h2>}>
          <form onSubmit={submit} data-testid="receive-form">
            <Typography.Paragraph type="secondary">{t.intake.receiveHint}</Typography.Paragraph>
            {/* On a phone each field takes the line it needs and no more than the card's width. */}
            <Flex wrap gap={12} align="flex-end">
              <div style={{ flex: '1 1 240px', maxWidth: 320 }}>
                <label htmlFor="tracking-number" style={{ display: 'block' }}>
                  {t.intake.trackingNumber}
                </label>
                <Input
                  id="tracking-number"
                  ref={field}
                  value={trackingNumber}
                  onChange={(e) => setTrackingNumber(e.target.value)}
                  autoComplete="off"
                  inputMode="text"
                  size="large"
                  style={{ width: '100%', fontFamily: 'monospace' }}
                />
              </div>
              <div style={{ flex: '1 1 160px', maxWidth: 200 }}>
                <label htmlFor="carrier" style={{ display: 'block' }}>
                  {t.intake.carrier}
                </label>
                <AutoComplete
                  id="carrier"
                  value={carrier}
                  onChange={(v?: string) => setCarrier(v ?? '')}
                  options={CARRIERS.map((c) => ({ value: c }))}
                  placeholder={t.intake.carrierAuto}
                  allowClear
                  size="large"
                  style={{ width: '100%' }}
                />
              </div>
              <div>
                <label htmlFor="condition" style={{ display: 'block' }}>
                  {t.intake.condition}
                </label>
                <Select
                  id="condition"
                  value={condition}
                  onChange={setCondition}
                  size="large"
                  style={{ width: 120 }}
                  options={(['intact', 'damaged'] as const).map((c) => ({
                    value: c,
                    label: t.intake.conditions[c],
                  }))}
                />
              </div>
              <Button type="primary" htmlType="submit" size="large" loading={receive.isPending}>
                {t.intake.receive}
              </Button>
            </Flex>
          </form>
          <div style={{ marginTop: 12 }}>
            <ErrorAlert error={receive.error} />
            {scanned[0] ? <ScanResult parcel={scanned[0]} /> : null}
          </div>
        </Card>
        <Card title={<h2 style={CARD_TITLE}>{t.intake.expected}</h2>}>
          <ErrorAlert error={expected.error} />
          <Table<ExpectedParcel>
            size="small"
            rowKey="batchNumber"
            loading={expected.isLoading}
            dataSource={expected.data?.items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            data-testid="expected-parcels"
            locale={{ emptyText: <Empty description={t.intake.expectedEmpty} /> }}
            columns={[
              {
                title: t.intake.batch,
                dataIndex: 'batchNumber',
                width: 140,
                render: (v: string) => <Link to={`/batches/${v}`}>{v}</Link>,
              },
              { title: t.intake.carrier, dataIndex: 'carrier', width: 110 },
              {
                title: t.intake.trackingNumber,
                dataIndex: 'trackingNumber',
                width: 170,
                render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
              },
              { title: t.intake.listing, dataIndex: 'listingTitle', ellipsis: true },
              { title: t.intake.shop, dataIndex: 'shopName', width: 150, ellipsis: true },
              {
                title: t.intake.units,
                width: 110,
                render: (_, e) => `${e.testUnits} + ${e.backupUnits}`,
              },
              {
                title: t.intake.shippedAt,
                dataIndex: 'shippedAt',
                width: 150,
                render: (v: string) => shanghaiTime(v, language),
              },
              {
                title: t.intake.status,
                key: 'status',
                width: 110,
                render: (_, e) =>
                  e.quarantined > 0 ? <Tag color="orange">{t.intake.statuses.quarantined}</Tag> : null,
              },
            ]}
          />
        </Card>
        <Card title={<h2 style={CARD_TITLE}>{t.intake.recent}</h2>}>
          <ErrorAlert error={recent.error} />
          <Table<Parcel>
            size="small"
            rowKey="id"
            loading={recent.isLoading}
            dataSource={recent.data?.items ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 820 }}
            data-testid="recent-parcels"
            columns={[
              {
                title: t.intake.trackingNumber,
                dataIndex: 'trackingNumber',
                width: 180,
                render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
              },
              {
                title: t.intake.carrier,
                dataIndex: 'carrier',
                width: 110,
                render: (v: string) => v || '—',
              },
              {
                title: t.intake.status,
                dataIndex: 'status',
                width: 110,
                render: (_, p) => <ParcelStatus parcel={p} />,
              },
              {
                title: t.intake.batch,
                dataIndex: 'batchNumber',
                width: 140,
                render: (v: string | null) => (v ? <Link to={`/batches/${v}`}>{v}</Link> : '—'),
              },
              {
                title: t.intake.receivedAt,
                dataIndex: 'receivedAt',
                width: 150,
                render: (v: string) => shanghaiTime(v, language),
              },
              {
                title: t.intake.receivedBy,
                dataIndex: 'receivedBy',
                width: 120,
                render: (v: string) => <Actor id={v} />,
              },
              {
                title: '',
                width: 110,
                render: (_, p) =>
                  p.status === 'admitted' && !p.unpackingSessionId ? (
                    <Link to={`/intake/parcels/${p.id}/unpack`}>{t.intake.startUnpacking}</Link>
                  ) : p.unpackingSessionId ? (
                    <Link to={`/intake/sessions/${p.unpackingSessionId}`}>{t.intake.openSession}</Link>
                  ) : null,
              },
            ]}
          />
        </Card>
      </Space>
    </Page>
  );
}
