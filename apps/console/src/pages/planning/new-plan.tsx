import {
  ProFormDigit,
  ProFormList,
  ProFormRadio,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
  StepsForm,
} from '@ant-design/pro-form';
import { App, Button, Card } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { planning } from '../../api/generated';
import { useLanguage } from '../../i18n/language';
import { CATEGORIES, categoryOptions } from '../../shared/categories';
import { ErrorAlert } from '../../shared/errors';
import { Page } from '../../shared/page';

type CreatePlan = planning.components['schemas']['CreatePlanCommand'];
type FieldGetter = { getFieldValue: (name: string) => unknown };

interface QuotaRow {
  category: string;
  quota: number;
  priceCapYuan: number;
  testUnits: number;
  backupUnits: number;
  testItems?: string;
}

interface PlanForm {
  kind: CreatePlan['kind'];
  title: string;
  emergencyTrigger?: CreatePlan['emergencyTrigger'];
  emergencyEvidence?: string;
  followUpOf?: string;
  randomSharePercent: number;
  seed?: string;
  categories: QuotaRow[];
  budgetYuan: number;
  judgmentRules: string;
  resultNotification: string;
  reinspection: string;
  contactName: string;
  contactPhone: string;
}

/** The form's values as the planning API's command (yuan → fen, percent → share). */
function commandOf(v: PlanForm): CreatePlan {
  return {
    kind: v.kind,
    title: v.title,
    ...(v.kind === 'emergency'
      ? { emergencyTrigger: v.emergencyTrigger, emergencyEvidence: v.emergencyEvidence }
      : {}),
    ...(v.kind === 'follow-up' ? { followUpOf: v.followUpOf } : {}),
    ...(v.seed ? { seed: v.seed } : {}),
    randomShare: v.randomSharePercent / 100,
    scheme: {
      categories: v.categories.map((c) => ({
        category: c.category,
        quota: c.quota,
        riskWeight: 0.5,
        unitPriceCapFen: Math.round(c.priceCapYuan * 100),
        testUnits: c.testUnits,
        backupUnits: c.backupUnits,
        testStandards: CATEGORIES[c.category]?.standard ? [CATEGORIES[c.category]!.standard!] : [],
        testItems: (c.testItems ?? '')
          .split(/[,，、\n]/)
          .map((s) => s.trim())
          .filter(Boolean),
      })),
      budgetFen: Math.round(v.budgetYuan * 100),
      judgmentRules: v.judgmentRules,
      resultNotification: v.resultNotification,
      reinspection: v.reinspection,
      contacts: [{ name: v.contactName, phone: v.contactPhone }],
    },
  };
}

export default function NewPlan() {
  const { t, language } = useLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const create = useMutation({
    mutationFn: (v: PlanForm) => unwrap(api.planning.POST('/plans', { body: commandOf(v) })),
    onSuccess: (plan) => {
      void queries.invalidateQueries({ queryKey: ['plans'] });
      void message.success(t.plan.created);
      void navigate(`/plans/${plan.id}`);
    },
  });
  return (
    <Page title={t.menu.newPlan}>
      <Card>
        <ErrorAlert error={create.error} />
        <StepsForm<PlanForm>
          onFinish={async (values) => {
            // Stays on the form with the service's reasons shown when it refuses.
            return create.mutateAsync(values).then(
              () => true,
              () => false,
            );
          }}
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
                loading={create.isPending}
                style={{ marginInlineStart: 8 }}
                onClick={() => props.onSubmit?.()}
              >
                {props.step === 1 ? t.plan.create : t.common.confirm}
              </Button>,
            ],
          }}
        >
          <StepsForm.StepForm<PlanForm>
            name="basics"
            title={t.plan.stepBasics}
            initialValues={{ kind: 'routine', randomSharePercent: 20 }}
          >
            <ProFormRadio.Group
              name="kind"
              label={t.plan.kind}
              radioType="button"
              options={(['routine', 'emergency', 'follow-up'] as const).map((k) => ({
                value: k,
                label: t.plan.kinds[k],
              }))}
              rules={[{ required: true }]}
            />
            <ProFormText
              name="title"
              label={t.plan.title}
              rules={[{ required: true, max: 200 }]}
              width="xl"
            />
            <ProFormSelect
              name="emergencyTrigger"
              label={t.plan.trigger}
              dependencies={['kind']}
              options={(
                [
                  'concentrated-complaints',
                  'authority-notice',
                  'safety-incident',
                  'public-opinion',
                  'higher-authority-instruction',
                  'other',
                ] as const
              ).map((k) => ({
                value: k,
                label: t.plan.triggers[k],
              }))}
              rules={[
                ({ getFieldValue }: FieldGetter) => ({ required: getFieldValue('kind') === 'emergency' }),
              ]}
              width="md"
            />
            <ProFormTextArea
              name="emergencyEvidence"
              label={t.plan.evidence}
              dependencies={['kind']}
              rules={[
                ({ getFieldValue }: FieldGetter) => ({
                  required: getFieldValue('kind') === 'emergency',
                  max: 4000,
                }),
              ]}
              width="xl"
            />
            <ProFormText
              name="followUpOf"
              label={t.plan.followUpOf}
              placeholder="HZ2026-000123"
              dependencies={['kind']}
              rules={[
                ({ getFieldValue }: FieldGetter) => ({ required: getFieldValue('kind') === 'follow-up' }),
                { pattern: /^[A-Z]{2,8}\d{4}-\d{6}$/ },
              ]}
              width="md"
            />
            <ProFormDigit
              name="randomSharePercent"
              label={`${t.plan.randomShare} (%)`}
              min={5}
              max={100}
              fieldProps={{ precision: 0 }}
              rules={[{ required: true }]}
              width="sm"
            />
            <ProFormText name="seed" label={t.plan.seed} width="md" rules={[{ max: 64 }]} />
          </StepsForm.StepForm>
          <StepsForm.StepForm<PlanForm>
            name="scheme"
            title={t.plan.stepScheme}
            initialValues={{
              categories: [
                { category: 'silk-quilt', quota: 3, priceCapYuan: 800, testUnits: 1, backupUnits: 1 },
              ],
              budgetYuan: 20000,
              judgmentRules: '依据产品标准及标签明示值判定，任一检验项目不合格即判定该批次不合格。',
              resultNotification: '自收到检验报告之日起5个工作日内告知经营者、标称生产者及平台。',
              reinspection: '收到结果通知书之日起15日内可书面申请复检，复检机构不同于原检验机构。',
            }}
          >
            <ProFormList
              name="categories"
              label={t.plan.categories}
              min={1}
              creatorButtonProps={{ creatorButtonText: `+ ${t.plan.category}` }}
              copyIconProps={false}
            >
              <ProFormSelect
                name="category"
                label={t.plan.category}
                options={categoryOptions(language)}
                rules={[{ required: true }]}
                width="sm"
              />
              <ProFormDigit
                name="quota"
                label={t.plan.quota}
                min={1}
                max={10000}
                fieldProps={{ precision: 0 }}
                rules={[{ required: true }]}
                width="xs"
              />
              <ProFormDigit
                name="priceCapYuan"
                label={t.plan.priceCap}
                min={0.01}
                fieldProps={{ precision: 2 }}
                rules={[{ required: true }]}
                width="xs"
              />
              <ProFormDigit
                name="testUnits"
                label={t.plan.testUnits}
                min={1}
                max={100}
                fieldProps={{ precision: 0 }}
                rules={[{ required: true }]}
                width="xs"
              />
              <ProFormDigit
                name="backupUnits"
                label={t.plan.backupUnits}
                min={0}
                max={100}
                fieldProps={{ precision: 0 }}
                rules={[{ required: true }]}
                width="xs"
              />
              <ProFormText name="testItems" label={t.plan.testItems} width="md" />
            </ProFormList>
            <ProFormDigit
              name="budgetYuan"
              label={t.plan.budget}
              min={0}
              fieldProps={{ precision: 2 }}
              rules={[{ required: true }]}
              width="sm"
            />
            <ProFormTextArea
              name="judgmentRules"
              label={t.plan.judgmentRules}
              rules={[{ required: true }]}
              width="xl"
            />
            <ProFormTextArea
              name="resultNotification"
              label={t.plan.resultNotification}
              rules={[{ required: true }]}
              width="xl"
            />
            <ProFormTextArea
              name="reinspection"
              label={t.plan.reinspection}
              rules={[{ required: true }]}
              width="xl"
            />
            <ProFormText
              name="contactName"
              label={t.plan.contactName}
              rules={[{ required: true }]}
              width="sm"
            />
            <ProFormText
              name="contactPhone"
              label={t.plan.contactPhone}
              rules={[{ required: true }]}
              width="sm"
            />
          </StepsForm.StepForm>
        </StepsForm>
      </Card>
    </Page>
  );
}
