import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, Descriptions, Input, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, unwrap } from '../../api/client';
import { fill, useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { shanghaiTime } from '../../shared/time';
import { NotFound } from '../status-pages';
import type { UploadedEvidence } from '../../shared/upload';
import { FileField } from './file-field';
import type { ClaimedProduct } from './intake-api';
import { ParcelStatus } from './parcel-status';
import { PeopleField } from './people-field';

const CLAIMED_TEXT = [
  'sampleName',
  'brand',
  'producerName',
  'producerAddress',
  'productStandard',
  'specModel',
  'productionDate',
  'lotNumber',
] as const;
type ClaimedText = (typeof CLAIMED_TEXT)[number];

const distinct = (names: string[]) => [...new Set(names.map((n) => n.trim()).filter(Boolean))];

/**
 * The joint unpacking of an admitted parcel: who is present (two officers and two lab staff at
 * least; the buyer by the pseudonym the service looks up, never typed), the continuous video, the
 * waybill and sample photos sent to the evidence store with progress, and the claimed facts.
 */
export default function Unpack() {
  const { id = '' } = useParams();
  const { t, language } = useLanguage();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [officers, setOfficers] = useState(['', '']);
  const [labStaff, setLabStaff] = useState(['', '']);
  const [video, setVideo] = useState<UploadedEvidence>();
  const [waybill, setWaybill] = useState<UploadedEvidence>();
  const [photos, setPhotos] = useState<UploadedEvidence[]>([]);
  const [claimed, setClaimed] = useState<Record<ClaimedText, string>>(
    () => Object.fromEntries(CLAIMED_TEXT.map((k) => [k, ''])) as Record<ClaimedText, string>,
  );
  const [hasCertificate, setHasCertificate] = useState(true);

  const parcel = useQuery({
    queryKey: ['intake', 'parcel', id],
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
    queryFn: () => unwrap(api.evidence.GET('/intake/parcels/{id}', { params: { path: { id } } })),
  });
  const batchNumber = parcel.data?.batchNumber ?? '';
  const buyer = useQuery({
    queryKey: ['intake', 'buyer', batchNumber],
    enabled: batchNumber !== '',
    retry: false,
    queryFn: () =>
      unwrap(api.evidence.GET('/batches/{batchNumber}/buyer', { params: { path: { batchNumber } } })),
  });

  const open = useMutation({
    mutationFn: () => {
      const facts = Object.fromEntries(
        CLAIMED_TEXT.filter((k) => claimed[k].trim()).map((k) => [k, claimed[k].trim()]),
      ) as Partial<Record<ClaimedText, string>>;
      return unwrap(
        api.evidence.POST('/unpacking-sessions', {
          body: {
            parcelId: id,
            participants: [
              { role: 'buyer' },
              ...distinct(officers).map((name) => ({ role: 'enforcement-officer' as const, name })),
              ...distinct(labStaff).map((name) => ({ role: 'lab-staff' as const, name })),
            ],
            videoObjectId: video!.objectId,
            waybillPhotoObjectId: waybill!.objectId,
            photoObjectIds: photos.map((p) => p.objectId),
            // The generated client lost ClaimedProduct's properties (a class of @qis/contracts).
            claimed: {
              ...facts,
              sampleName: claimed.sampleName.trim(),
              hasCertificate,
            } as unknown as ClaimedProduct,
          },
        }),
      );
    },
    onSuccess: (session) => {
      void queries.invalidateQueries({ queryKey: ['intake'] });
      void navigate(`/intake/sessions/${session.id}`);
    },
  });

  if (parcel.error instanceof ApiError && parcel.error.status === 404) return <NotFound />;
  const p = parcel.data;
  const title = fill(t.intake.unpackTitle, { batch: batchNumber });
  if (!p)
    return (
      <Page title={title}>
        <ErrorAlert error={parcel.error} />
        {!parcel.error ? <Typography.Text>{t.common.loading}</Typography.Text> : null}
      </Page>
    );

  const missing = [
    ...(distinct(officers).length < 2 || distinct(labStaff).length < 2 || !buyer.data
      ? [t.intake.needPeople]
      : []),
    ...(!video ? [t.intake.needVideo] : []),
    ...(!waybill ? [t.intake.needWaybill] : []),
    ...(!claimed.sampleName.trim() ? [t.intake.needSampleName] : []),
  ];
  const heading = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

  return (
    <Page title={title}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t.intake.batch}>{p.batchNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t.intake.carrier}>{p.carrier}</Descriptions.Item>
            <Descriptions.Item label={t.intake.trackingNumber}>{p.trackingNumber}</Descriptions.Item>
            <Descriptions.Item label={t.intake.status}>
              <ParcelStatus parcel={p} />
            </Descriptions.Item>
            <Descriptions.Item label={t.intake.condition}>
              {t.intake.conditions[p.condition] ?? p.condition}
            </Descriptions.Item>
            <Descriptions.Item label={t.intake.receivedAt}>
              {shanghaiTime(p.receivedAt, language)}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        {p.status !== 'admitted' || !batchNumber ? (
          <Alert type="warning" showIcon message={t.intake.quarantinedHint} />
        ) : (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card title={heading(t.intake.participants)} style={{ height: '100%' }}>
                <Typography.Paragraph type="secondary">{t.intake.participantsHint}</Typography.Paragraph>
                <div style={{ marginBottom: 12 }}>
                  <div style={{ fontWeight: 500 }}>{t.intake.buyer}</div>
                  {buyer.data ? (
                    <Typography.Text code data-testid="buyer-pseudonym">
                      {buyer.data.pseudonym}
                    </Typography.Text>
                  ) : buyer.isLoading ? (
                    <Typography.Text>{t.common.loading}</Typography.Text>
                  ) : (
                    <Alert type="warning" showIcon message={t.intake.buyerUnknown} />
                  )}
                </div>
                <PeopleField
                  idPrefix="officer"
                  label={t.intake.officers}
                  names={officers}
                  min={2}
                  onChange={setOfficers}
                />
                <PeopleField
                  idPrefix="lab-staff"
                  label={t.intake.labStaff}
                  names={labStaff}
                  min={2}
                  onChange={setLabStaff}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={heading(t.intake.evidence)} style={{ height: '100%' }}>
                <FileField
                  id="unboxing-video"
                  label={t.intake.unboxingVideo}
                  kind="unboxing-video"
                  batchNumber={batchNumber}
                  accept="video/*"
                  onUploaded={setVideo}
                />
                <FileField
                  id="waybill-photo"
                  label={t.intake.waybillPhoto}
                  kind="waybill-photo"
                  batchNumber={batchNumber}
                  accept="image/*"
                  onUploaded={setWaybill}
                />
                <FileField
                  id="sample-photos"
                  label={t.intake.samplePhotos}
                  kind="sample-photo"
                  batchNumber={batchNumber}
                  accept="image/*"
                  multiple
                  onUploaded={(f) => setPhotos((all) => [...all, f])}
                />
              </Card>
            </Col>
            <Col span={24}>
              <Card title={heading(t.intake.claimed)}>
                <Row gutter={[16, 8]}>
                  {CLAIMED_TEXT.map((k) => (
                    <Col xs={24} md={12} xl={6} key={k}>
                      <label htmlFor={`claimed-${k}`} style={{ display: 'block' }}>
                        {t.intake[k]}
                        {k === 'sampleName' ? ' *' : ''}
                      </label>
                      <Input
                        id={`claimed-${k}`}
                        value={claimed[k]}
                        type={k === 'productionDate' ? 'date' : 'text'}
                        maxLength={k === 'producerAddress' ? 300 : 100}
                        onChange={(e) => setClaimed((c) => ({ ...c, [k]: e.target.value }))}
                      />
                    </Col>
                  ))}
                  <Col xs={24} md={12} xl={6}>
                    <Checkbox
                      checked={hasCertificate}
                      onChange={(e) => setHasCertificate(e.target.checked)}
                      style={{ marginTop: 22 }}
                    >
                      {t.intake.hasCertificate}
                    </Checkbox>
                  </Col>
                </Row>
              </Card>
            </Col>
            <Col span={24}>
              <Space direction="vertical" style={{ width: '100%' }}>
                {missing.length > 0 ? (
                  <Alert
                    type="info"
                    showIcon
                    data-testid="unpack-missing"
                    message={`${t.intake.missing}${missing.join('、')}`}
                  />
                ) : null}
                <ErrorAlert error={open.error} />
                <Button
                  type="primary"
                  size="large"
                  disabled={missing.length > 0}
                  loading={open.isPending}
                  onClick={() => open.mutate()}
                >
                  {t.intake.openSessionButton}
                </Button>
              </Space>
            </Col>
          </Row>
        )}
      </Space>
    </Page>
  );
}
