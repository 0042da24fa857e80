import { Form, Input, Radio, Space } from 'antd';
import type { ReactNode } from 'react';
import { useLanguage } from '../../i18n/language';

/** How a notice is sent (a public notice is published, not sent). */
export const DELIVERY_CHANNELS = ['post', 'email', 'platform-message', 'in-person'] as const;
/** Why a delivery failed: 拒收, 地址不详, 退回. */
export const FAILURE_REASONS = ['refused', 'address-unknown', 'returned'] as const;

/**
 * The fields of a delivery record, a result notice's as a 《复检机构确定通知书》's: channel, sent and
 * received (Beijing time), whatever the document adds (`extra`), and the proof of a late receipt.
 */
export function DeliveryFields({ extra }: { extra?: ReactNode }) {
  const { t } = useLanguage();
  const e = t.enforcement;
  return (
    <>
      <Form.Item name="channel" label={e.channel}>
        <Radio.Group options={DELIVERY_CHANNELS.map((c) => ({ value: c, label: e.channels[c] }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item
          name="sentAt"
          label={`${e.sentAt} ${e.whenShanghai}`}
          rules={[{ required: true, message: e.required }]}
        >
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="receivedAt" label={`${e.receivedAt} ${e.whenShanghai}`}>
          <Input type="datetime-local" />
        </Form.Item>
      </Space>
      {extra}
      <Form.Item name="receiptReason" label={e.receiptReason}>
        <Input maxLength={500} />
      </Form.Item>
    </>
  );
}

/** The fields of a failed delivery: the reason, when it was sent (if it was), when the failure was known, a note. */
export function FailureFields() {
  const { t } = useLanguage();
  const e = t.enforcement;
  return (
    <>
      <Form.Item name="reason" label={e.failureReason}>
        <Radio.Group options={FAILURE_REASONS.map((r) => ({ value: r, label: e.failureReasons[r] }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="sentAt" label={`${e.sentAt} ${e.whenShanghai}`}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item
          name="failedAt"
          label={`${e.failedAt} ${e.whenShanghai}`}
          rules={[{ required: true, message: e.required }]}
        >
          <Input type="datetime-local" />
        </Form.Item>
      </Space>
      <Form.Item name="note" label={e.note}>
        <Input maxLength={500} />
      </Form.Item>
    </>
  );
}

/** Hands a fetched file to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
