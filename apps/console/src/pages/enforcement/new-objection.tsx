import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Radio, Space } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useLanguage } from '../../i18n/language';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';
import { beijingInput, fromBeijingInput, type Materials } from './enforcement-api';

const ITEMS = [
  'noticeReceipt',
  'writtenApplication',
  'proofOfStanding',
  'powerOfAttorney',
  'authorisedPersonId',
] as const;

interface Values extends Materials {
  batchNumber: string;
  applicantRole: 'seller' | 'producer';
  applicantName: string;
  uscc?: string;
  filedAt: string;
  filingReason?: string;
  agentName?: string;
  grounds?: string;
}

/** Registers a written objection as received, with the applicant's materials checklist. */
export default function NewObjection() {
  const { t } = useLanguage();
  const e = t.enforcement;
  const c = e.objectionChecklist;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const register = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.enforcement.POST('/batches/{batchNumber}/objections', {
          params: { path: { batchNumber: v.batchNumber.trim() } },
          body: {
            applicantRole: v.applicantRole,
            applicantName: v.applicantName.trim(),
            ...(v.uscc?.trim() ? { applicantUnifiedSocialCreditCode: v.uscc.trim() } : {}),
            filedAt: fromBeijingInput(v.filedAt),
            ...(v.filingReason?.trim() ? { filingReason: v.filingReason.trim() } : {}),
            ...(v.agentName?.trim() ? { agentName: v.agentName.trim() } : {}),
            ...(v.grounds?.trim() ? { grounds: v.grounds.trim() } : {}),
            materials: Object.fromEntries(ITEMS.map((i) => [i, v[i]])) as unknown as Materials,
          },
        }),
      ),
    onSuccess: (o) => {
      void message.success(e.objectionRegistered);
      void queries.invalidateQueries({ queryKey: ['enforcement'] });
      void navigate(`/enforcement/objections/${o.id}`);
    },
  });
  return (
    <Page title={e.newObjectionTitle}>
      <Card>
        <ErrorAlert error={register.error} />
        <Form<Values>
          layout="vertical"
          name="objection"
          initialValues={{
            batchNumber: params.get('batchNumber') ?? '',
            applicantRole: 'seller',
            filedAt: beijingInput(new Date()),
            ...Object.fromEntries(ITEMS.map((i) => [i, 'received'])),
          }}
          onFinish={(v) => register.mutate(v)}
          style={{ maxWidth: 720 }}
        >
          <Form.Item name="batchNumber" label={e.batch} rules={[{ required: true, message: e.required }]}>
            <Input placeholder="HZ2026-000123" />
          </Form.Item>
          <Form.Item name="applicantRole" label={e.applicantRole}>
            <Radio.Group
              options={(['seller', 'producer'] as const).map((r) => ({
                value: r,
                label: e.applicantRoles[r],
              }))}
            />
          </Form.Item>
          <Form.Item
            name="applicantName"
            label={e.applicantName}
            rules={[{ required: true, message: e.required }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="uscc" label={e.uscc}>
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item
            name="filedAt"
            label={`${e.filedAt} ${e.whenShanghai}`}
            rules={[{ required: true, message: e.required }]}
          >
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="filingReason" label={c.filingReason} extra={c.filingHelp}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="agentName" label={c.agentName}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="grounds" label={e.grounds}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontSize: 16 }}>{e.materials}</legend>
            {ITEMS.map((i) => (
              <Form.Item key={i} name={i} label={e.materialItems[i]}>
                <Radio.Group
                  options={(['received', 'missing'] as const).map((s) => ({
                    value: s,
                    label: e.materialStates[s],
                  }))}
                />
              </Form.Item>
            ))}
          </fieldset>
          <Space>
            <Button type="primary" htmlType="submit" loading={register.isPending}>
              {e.register}
            </Button>
          </Space>
        </Form>
      </Card>
    </Page>
  );
}
