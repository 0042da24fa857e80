import { Select } from 'antd';
import { SERVICES, type ServiceName } from '../../api/client';
import { useLanguage } from '../../i18n/language';

export function ServiceSelect({
  value,
  onChange,
}: {
  value: ServiceName;
  onChange(service: ServiceName): void;
}) {
  const { t } = useLanguage();
  return (
    <Select<ServiceName>
      aria-label={t.audit.service}
      value={value}
      onChange={onChange}
      style={{ width: 160 }}
      options={SERVICES.map((s) => ({ value: s, label: t.services[s] }))}
    />
  );
}
