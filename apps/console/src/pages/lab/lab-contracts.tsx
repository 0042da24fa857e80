import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { fill, useLanguage } from '../../i18n/language';
import { categoryLabel } from '../../shared/categories';
import { ErrorAlert } from '../../shared/errors';
import { idempotencyKey, type Contract, type ContractHistory, type Lab } from './lab-api';

const DAY = 86_400_000;

/** Expired, or expiring within 30 days, counted from today in Asia/Shanghai. */
export function expiryOf(date: string): 'expired' | 'expiring' | undefined {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  if (date < today) return 'expired';
  return Date.parse(date) - Date.parse(today) <= 30 * DAY ? 'expiring' : undefined;
}

/** The expired / within-30-days tag of a date, as accreditation shows it. */
export function ExpiryTag({ date }: { date: string }) {
  const { t } = useLanguage();
  const state = expiryOf(date);
  if (state === 'expired') return <Tag color="red">{t.lab.expired}</Tag>;
  if (state === 'expiring') return <Tag color="orange">{t.lab.expiring}</Tag>;
  return null;
}

const yuan = (fen: number): string => (fen / 100).toFixed(2);

/** The contract in the registry's lab row: number, term with its expiry, turnaround. */
export function ContractSummary({ contract }: { contract: Contract | undefined }) {
  const { t } = useLanguage();
  if (!contract) return <Tag color="red">{t.lab.noContract}</Tag>;
  return (
    <div data-testid="contract-summary">
      <div>{contract.contractNumber}</div>
      <div>
        {contract.validFrom} – {contract.lastDayInForce} <ExpiryTag date={contract.lastDayInForce} />
        {contract.change === 'ended' ? <Tag>{t.lab.changes.ended}</Tag> : null}
      </div>
      <div>{fill(t.lab.workingDays, { n: contract.turnaroundWorkingDays })}</div>
    </div>
  );
}

interface TermValues {
  contractNumber?: string;
  validFrom: string;
  validTo: string;
  turnaroundWorkingDays: number;
  documentId?: string;
  reason?: string;
  categories: Record<string, { covered: boolean; priceYuan?: number; turnaroundWorkingDays?: number }>;
}

type Editing =
  { kind: 'record' } | { kind: 'amend'; contract: Contract } | { kind: 'end'; contract: Contract };

/** The terms a form gives, in the API's shape (prices in fen). */
function termsOf(values: TermValues) {
  return {
    validFrom: values.validFrom,
    validTo: values.validTo,
    turnaroundWorkingDays: values.turnaroundWorkingDays,
    ...(values.documentId?.trim() ? { documentId: values.documentId.trim() } : {}),
    categories: Object.entries(values.categories)
      .filter(([, c]) => c.covered)
      .map(([category, c]) => ({
        category,
        priceFen: Math.round((c.priceYuan ?? 0) * 100),
        ...(c.turnaroundWorkingDays ? { turnaroundWorkingDays: c.turnaroundWorkingDays } : {}),
      })),
  };
}

/** Record, amend or end a contract: the terms with one row per accredited category, or the end. */
function ContractForm({ lab, editing, onDone }: { lab: Lab; editing: Editing; onDone: () => void }) {
  const { t, language } = useLanguage();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const key = useRef(idempotencyKey());
  const [form] = Form.useForm<TermValues & { endedOn?: string }>();
  const current = editing.kind === 'record' ? undefined : editing.contract;
  const save = useMutation({
    mutationFn: async (values: TermValues & { endedOn?: string }) => {
      const header = { 'Idempotency-Key': key.current };
      if (editing.kind === 'end')
        return unwrap(
          api.labGateway.POST('/labs/{id}/contracts/{contractId}/end', {
            params: { path: { id: lab.id, contractId: editing.contract.id }, header },
            body: { endedOn: values.endedOn ?? '', reason: values.reason?.trim() ?? '' },
          }),
        );
      if (editing.kind === 'amend')
        return unwrap(
          api.labGateway.POST('/labs/{id}/contracts/{contractId}/amendments', {
            params: { path: { id: lab.id, contractId: editing.contract.id }, header },
            body: { ...termsOf(values), reason: values.reason?.trim() ?? '' },
          }),
        );
      return unwrap(
        api.labGateway.POST('/labs/{id}/contracts', {
          params: { path: { id: lab.id }, header },
          body: { ...termsOf(values), contractNumber: values.contractNumber?.trim() ?? '' },
        }),
      );
    },
    onSuccess: () => {
      void message.success(
        editing.kind === 'end'
          ? t.lab.contractEnded
          : editing.kind === 'amend'
            ? t.lab.contractAmended
            : t.lab.contractRecorded,
      );
      void queries.invalidateQueries({ queryKey: ['lab'] });
      onDone();
    },
  });
  const required = [{ required: true, message: t.lab.required }];
  const title =
    editing.kind === 'end'
      ? t.lab.endContract
      : editing.kind === 'amend'
        ? t.lab.amendContract
        : t.lab.recordContract;
  const initialCategories = Object.fromEntries(
    lab.scopes.map((s) => {
      const agreed = current?.categories.find((c) => c.category === s.category);
      return [
        s.category,
        {
          covered: current ? Boolean(agreed) : true,
          priceYuan: agreed ? agreed.priceFen / 100 : undefined,
          turnaroundWorkingDays: agreed?.turnaroundWorkingDays,
        },
      ];
    }),
  );
  return (
    <Modal
      open
      title={`${title}${current ? ` · ${current.contractNumber}` : ''}`}
      onCancel={onDone}
      okText={t.common.save}
      cancelText={t.common.cancel}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      width={720}
      destroyOnClose
    >
      <ErrorAlert error={save.error} />
      <Form
        form={form}
        layout="vertical"
        name="contract"
        data-testid="contract-form"
        initialValues={{
          validFrom: current?.validFrom,
          validTo: current?.validTo,
          turnaroundWorkingDays: current?.turnaroundWorkingDays ?? 10,
          documentId: current?.documentId,
          categories: initialCategories,
        }}
        onFinish={(values) => save.mutate(values)}
      >
        {editing.kind === 'end' ? (
          <>
            <Form.Item name="endedOn" label={t.lab.endedOn} rules={required}>
              <Input type="date" min={current?.validFrom} max={current?.validTo} />
            </Form.Item>
            <Form.Item name="reason" label={t.lab.endReason} rules={required}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        ) : (
          <>
            {editing.kind === 'record' ? (
              <Form.Item name="contractNumber" label={t.lab.contractNumber} rules={required}>
                <Input maxLength={80} placeholder="HZSJ-WT-2026-003" />
              </Form.Item>
            ) : null}
            <Space wrap>
              <Form.Item name="validFrom" label={t.lab.validFrom} rules={required}>
                <Input type="date" />
              </Form.Item>
              <Form.Item name="validTo" label={t.lab.validTo} rules={required}>
                <Input type="date" />
              </Form.Item>
              <Form.Item name="turnaroundWorkingDays" label={t.lab.contractTurnaround} rules={required}>
                <InputNumber min={1} max={120} precision={0} />
              </Form.Item>
            </Space>
            <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
              <legend style={{ fontSize: 14 }}>{t.lab.covered}</legend>
              {lab.scopes.map((s) => {
                const name = categoryLabel(s.category, language);
                return (
                  <Space key={s.category} wrap align="baseline">
                    <Form.Item name={['categories', s.category, 'covered']} valuePropName="checked">
                      <Checkbox>{name}</Checkbox>
                    </Form.Item>
                    <Form.Item
                      name={['categories', s.category, 'priceYuan']}
                      label={`${name} ${t.lab.priceYuan}`}
                    >
                      <InputNumber min={0} max={1_000_000} precision={2} step={100} />
                    </Form.Item>
                    <Form.Item
                      name={['categories', s.category, 'turnaroundWorkingDays']}
                      label={`${name} ${t.lab.categoryTurnaround}`}
                    >
                      <InputNumber min={1} max={120} precision={0} />
                    </Form.Item>
                  </Space>
                );
              })}
            </fieldset>
            <Form.Item name="documentId" label={t.lab.document}>
              <Input maxLength={80} />
            </Form.Item>
            {editing.kind === 'amend' ? (
              <Form.Item name="reason" label={t.lab.changeReason} rules={required}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            ) : null}
          </>
        )}
      </Form>
    </Modal>
  );
}

/** One version's terms. */
function Terms({ contract }: { contract: Contract }) {
  const { t, language } = useLanguage();
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={t.lab.term}>
        {contract.validFrom} – {contract.validTo}
        {contract.endedOn ? ` (${t.lab.changes.ended} ${contract.endedOn})` : ''}{' '}
        <ExpiryTag date={contract.lastDayInForce} />
      </Descriptions.Item>
      <Descriptions.Item label={t.lab.contractTurnaround}>{contract.turnaroundWorkingDays}</Descriptions.Item>
      <Descriptions.Item label={t.lab.covered}>
        {contract.categories.map((c) => (
          <div key={c.category}>
            {categoryLabel(c.category, language)} · ¥{yuan(c.priceFen)}
            {c.turnaroundWorkingDays ? ` · ${fill(t.lab.workingDays, { n: c.turnaroundWorkingDays })}` : ''}
          </div>
        ))}
      </Descriptions.Item>
      {contract.documentId ? (
        <Descriptions.Item label={t.lab.document}>
          <Typography.Text code>{contract.documentId}</Typography.Text>
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t.lab.version}>
        {contract.version} · {t.lab.changes[contract.change]}
        {contract.reason ? ` · ${contract.reason}` : ''} · {t.lab.recordedBy} {contract.recordedBy} ·{' '}
        {contract.recordedAt.slice(0, 10)}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** A lab's contracts, the one in force first, each with its history; record, amend or end one. */
export function LabContractsDrawer({ lab, onClose }: { lab: Lab; onClose: () => void }) {
  const { t } = useLanguage();
  const [editing, setEditing] = useState<Editing | null>(null);
  const contracts = useQuery({
    queryKey: ['lab', 'contracts', lab.id],
    queryFn: () => unwrap(api.labGateway.GET('/labs/{id}/contracts', { params: { path: { id: lab.id } } })),
  });
  const list: ContractHistory[] = contracts.data ?? [];
  return (
    <Drawer
      open
      onClose={onClose}
      width={Math.min(760, window.innerWidth)}
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{fill(t.lab.contractsOf, { name: lab.name })}</h2>}
      extra={
        <Button type="primary" onClick={() => setEditing({ kind: 'record' })}>
          {t.lab.recordContract}
        </Button>
      }
    >
      <ErrorAlert error={contracts.error} />
      {list.length === 0 && !contracts.isLoading ? <Empty description={t.lab.noContract} /> : null}
      <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="contracts">
        {list.map((c) => (
          <Card
            key={c.id}
            size="small"
            title={
              // Wraps on a phone instead of the card's ellipsis: the number is what the card is about.
              <h3 style={{ fontSize: 14, margin: 0, whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
                {`${t.lab.contractNumber} ${c.contractNumber}`}
              </h3>
            }
            extra={
              c.change === 'ended' ? null : (
                <Space>
                  <Button size="small" onClick={() => setEditing({ kind: 'amend', contract: c })}>
                    {t.lab.amendContract}
                  </Button>
                  {/* Not `danger`: Ant Design's red text on white is under 4.5:1. */}
                  <Button size="small" onClick={() => setEditing({ kind: 'end', contract: c })}>
                    {t.lab.endContract}
                  </Button>
                </Space>
              )
            }
          >
            <Terms contract={c} />
            {c.history.length > 0 ? (
              <details style={{ marginTop: 8 }} data-testid="contract-history">
                <summary>{`${t.lab.history} (${c.history.length})`}</summary>
                <Space direction="vertical" size={8} style={{ width: '100%', marginTop: 8 }}>
                  {c.history.map((v) => (
                    <Terms key={v.version} contract={v} />
                  ))}
                </Space>
              </details>
            ) : null}
          </Card>
        ))}
      </Space>
      {editing ? <ContractForm lab={lab} editing={editing} onDone={() => setEditing(null)} /> : null}
    </Drawer>
  );
}
