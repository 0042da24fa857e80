import {
  ProFormCheckbox,
  ProFormDigit,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
  StepsForm,
} from '@ant-design/pro-form';
import { Button } from 'antd';
import { useLanguage } from '../../i18n/language';
import type { PurchaseRecord, Task } from './buyer-api';

type FieldGetter = { getFieldValue: (name: string) => unknown };

/** The form's values: yuan for money, a Shanghai wall-clock time, one transaction step per line. */
export interface PurchaseForm {
  sellerName: string;
  entityType: PurchaseRecord['seller']['entityType'];
  creditCode?: string;
  areaCode?: string;
  registeredAddress?: string;
  shopName: string;
  shopUrl: string;
  productName: string;
  productUrl: string;
  monthlySales?: number;
  stock?: number;
  orderNumber: string;
  orderedAt: string;
  unitPriceYuan: number;
  shippingFeeYuan: number;
  totalPaidYuan: number;
  testUnits: number;
  backupUnits: number;
  transactionSteps: string;
  ownSite?: boolean;
  platformCode?: string;
  platformName?: string;
  platformUrl?: string;
  operatorName?: string;
  operatorCreditCode?: string;
  operatorAreaCode?: string;
}

const fen = (yuan: number | undefined): number => Math.round((yuan ?? 0) * 100);
const trimmed = (s: string | undefined): string | undefined => (s?.trim() ? s.trim() : undefined);

/** `YYYY-MM-DDTHH:mm` read in Asia/Shanghai, as an ISO instant; and back. */
const fromShanghai = (local: string): string => new Date(`${local}:00+08:00`).toISOString();
const toShanghai = (iso: string): string =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16);

/** The form's values as the purchasing API's record (evidence added by the caller). */
export function recordOf(v: PurchaseForm): Omit<PurchaseRecord, 'evidence'> {
  return {
    seller: {
      name: v.sellerName.trim(),
      entityType: v.entityType,
      ...(trimmed(v.creditCode) ? { unifiedSocialCreditCode: trimmed(v.creditCode) } : {}),
      ...(trimmed(v.areaCode) ? { registeredAreaCode: trimmed(v.areaCode) } : {}),
      ...(trimmed(v.registeredAddress) ? { registeredAddress: trimmed(v.registeredAddress) } : {}),
      shopName: v.shopName.trim(),
      shopUrl: v.shopUrl.trim(),
    },
    ...(v.ownSite
      ? {}
      : {
          // Required by the form unless the seller's own site; the API names any left empty.
          platform: {
            code: trimmed(v.platformCode) ?? '',
            name: trimmed(v.platformName) ?? '',
            url: trimmed(v.platformUrl) ?? '',
            operatorName: trimmed(v.operatorName) ?? '',
            ...(trimmed(v.operatorCreditCode)
              ? { operatorUnifiedSocialCreditCode: trimmed(v.operatorCreditCode) }
              : {}),
            ...(trimmed(v.operatorAreaCode)
              ? { operatorRegisteredAreaCode: trimmed(v.operatorAreaCode) }
              : {}),
          },
        }),
    productName: v.productName.trim(),
    productUrl: v.productUrl.trim(),
    ...(v.monthlySales != null ? { monthlySales: v.monthlySales } : {}),
    ...(v.stock != null ? { stock: v.stock } : {}),
    transactionSteps: v.transactionSteps
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    orderNumber: v.orderNumber.trim(),
    orderedAt: fromShanghai(v.orderedAt),
    unitPriceFen: fen(v.unitPriceYuan),
    shippingFeeFen: fen(v.shippingFeeYuan),
    totalPaidFen: fen(v.totalPaidYuan),
    quantity: { testUnits: v.testUnits, backupUnits: v.backupUnits },
  };
}

/** Starting values: the saved record, else what the issued batch already says. */
export function initialForm(task: Task): Partial<PurchaseForm> {
  const r = task.purchase as PurchaseRecord | null;
  if (r)
    return {
      sellerName: r.seller.name,
      entityType: r.seller.entityType,
      creditCode: r.seller.unifiedSocialCreditCode,
      areaCode: r.seller.registeredAreaCode,
      registeredAddress: r.seller.registeredAddress,
      shopName: r.seller.shopName,
      shopUrl: r.seller.shopUrl,
      productName: r.productName,
      productUrl: r.productUrl,
      monthlySales: r.monthlySales,
      stock: r.stock,
      orderNumber: r.orderNumber,
      orderedAt: toShanghai(r.orderedAt),
      unitPriceYuan: r.unitPriceFen / 100,
      shippingFeeYuan: r.shippingFeeFen / 100,
      totalPaidYuan: r.totalPaidFen / 100,
      testUnits: r.quantity.testUnits,
      backupUnits: r.quantity.backupUnits,
      transactionSteps: r.transactionSteps.join('\n'),
      ownSite: !r.platform,
      platformCode: r.platform?.code,
      platformName: r.platform?.name,
      platformUrl: r.platform?.url,
      operatorName: r.platform?.operatorName,
      operatorCreditCode: r.platform?.operatorUnifiedSocialCreditCode,
      operatorAreaCode: r.platform?.operatorRegisteredAreaCode,
    };
  return {
    shopName: task.shop.shopName,
    shopUrl: task.shop.shopUrl,
    productName: task.listing.title,
    productUrl: task.listing.url,
    orderedAt: toShanghai(new Date().toISOString()),
    testUnits: task.quantity.testUnits,
    backupUnits: task.quantity.backupUnits,
    shippingFeeYuan: 0,
    platformCode: task.platform,
    ownSite: false,
  };
}

const URL_RULE = { pattern: /^https?:\/\/\S+$/, message: 'http(s)://…' };
const AREA_RULE = { pattern: /^\d{6}$/, message: '330106' };
const CREDIT_RULE = { pattern: /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, message: '18' };

/** The purchase record as the rules list it, in four steps; `onSave` stores it (true: saved). */
export function PurchaseStepsForm({
  task,
  saving,
  onSave,
}: {
  task: Task;
  saving: boolean;
  onSave: (values: PurchaseForm) => Promise<boolean>;
}) {
  const { t } = useLanguage();
  const w = t.buyerWork;
  const initial = initialForm(task);
  return (
    <StepsForm<PurchaseForm>
      // Stays on the last step either way: saved values remain visible and editable while assigned.
      onFinish={async (values) => {
        await onSave(values);
        return false;
      }}
      stepsProps={{ responsive: true }}
      // Pro's container is at least 420 px wide: on a 390 px phone the form would overflow.
      containerStyle={{ minWidth: 0, width: '100%', maxWidth: 560 }}
      submitter={{
        render: (props) => [
          props.step > 0 && (
            <Button key="prev" onClick={() => props.onPre?.()}>
              {t.common.back}
            </Button>
          ),
          <Button
            key="next"
            type="primary"
            loading={saving}
            style={{ marginInlineStart: 8 }}
            onClick={() => props.onSubmit?.()}
          >
            {props.step === 3 ? w.savePurchase : w.next}
          </Button>,
        ],
      }}
    >
      <StepsForm.StepForm<PurchaseForm> name="seller" title={w.stepSeller} initialValues={initial}>
        <ProFormText name="sellerName" label={w.sellerName} rules={[{ required: true, max: 200 }]} />
        <ProFormSelect
          name="entityType"
          label={w.entityType}
          options={(['enterprise', 'individual-business', 'natural-person'] as const).map((k) => ({
            value: k,
            label: w.entityTypes[k],
          }))}
          rules={[{ required: true }]}
        />
        <ProFormText
          name="creditCode"
          label={w.creditCode}
          dependencies={['entityType']}
          rules={[
            ({ getFieldValue }: FieldGetter) => ({
              required: getFieldValue('entityType') !== 'natural-person',
            }),
            CREDIT_RULE,
          ]}
        />
        <ProFormText name="areaCode" label={w.areaCode} rules={[AREA_RULE]} />
        <ProFormText name="registeredAddress" label={w.registeredAddress} rules={[{ max: 300 }]} />
        <ProFormText name="shopName" label={w.shopName} rules={[{ required: true, max: 200 }]} />
        <ProFormText name="shopUrl" label={w.shopUrl} rules={[{ required: true }, URL_RULE]} />
      </StepsForm.StepForm>
      <StepsForm.StepForm<PurchaseForm> name="product" title={w.stepProduct} initialValues={initial}>
        <ProFormText name="productName" label={w.productName} rules={[{ required: true, max: 300 }]} />
        <ProFormText name="productUrl" label={w.productUrl} rules={[{ required: true }, URL_RULE]} />
        <ProFormDigit name="monthlySales" label={w.monthlySales} min={0} fieldProps={{ precision: 0 }} />
        <ProFormDigit name="stock" label={w.stock} min={0} fieldProps={{ precision: 0 }} />
      </StepsForm.StepForm>
      <StepsForm.StepForm<PurchaseForm> name="order" title={w.stepOrder} initialValues={initial}>
        <ProFormText name="orderNumber" label={w.orderNumber} rules={[{ required: true, max: 64 }]} />
        <ProFormText
          name="orderedAt"
          label={w.orderedAt}
          fieldProps={{ type: 'datetime-local' }}
          rules={[{ required: true }]}
        />
        <ProFormDigit
          name="unitPriceYuan"
          label={w.unitPrice}
          min={0}
          fieldProps={{ precision: 2 }}
          rules={[{ required: true }]}
        />
        <ProFormDigit
          name="shippingFeeYuan"
          label={w.shippingFee}
          min={0}
          fieldProps={{ precision: 2 }}
          rules={[{ required: true }]}
        />
        <ProFormDigit
          name="totalPaidYuan"
          label={w.totalPaid}
          min={0}
          fieldProps={{ precision: 2 }}
          rules={[{ required: true }]}
        />
        <ProFormDigit
          name="testUnits"
          label={w.testUnits}
          min={1}
          fieldProps={{ precision: 0 }}
          rules={[{ required: true }]}
        />
        <ProFormDigit
          name="backupUnits"
          label={w.backupUnits}
          min={0}
          fieldProps={{ precision: 0 }}
          rules={[{ required: true }]}
        />
        <ProFormTextArea
          name="transactionSteps"
          label={w.transactionSteps}
          rules={[{ required: true }]}
          fieldProps={{ rows: 4 }}
        />
      </StepsForm.StepForm>
      <StepsForm.StepForm<PurchaseForm> name="platform" title={w.stepPlatform} initialValues={initial}>
        <ProFormCheckbox name="ownSite">{w.ownSite}</ProFormCheckbox>
        {(['platformCode', 'platformName', 'platformUrl', 'operatorName'] as const).map((name) => (
          <ProFormText
            key={name}
            name={name}
            label={w[name]}
            dependencies={['ownSite']}
            rules={[
              ({ getFieldValue }: FieldGetter) => ({ required: !getFieldValue('ownSite') }),
              ...(name === 'platformUrl' ? [URL_RULE] : []),
            ]}
          />
        ))}
        <ProFormText name="operatorCreditCode" label={w.operatorCreditCode} rules={[CREDIT_RULE]} />
        <ProFormText name="operatorAreaCode" label={w.operatorAreaCode} rules={[AREA_RULE]} />
      </StepsForm.StepForm>
    </StepsForm>
  );
}
