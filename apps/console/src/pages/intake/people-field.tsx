import { Button, Input, Space, Typography } from 'antd';
import { fill, useLanguage } from '../../i18n/language';

/** Names of the people of one kind present, at least `min` of them (distinct, as the service counts). */
export function PeopleField({
  idPrefix,
  label,
  names,
  min,
  onChange,
}: {
  idPrefix: string;
  label: string;
  names: string[];
  min: number;
  onChange(names: string[]): void;
}) {
  const { t } = useLanguage();
  const distinct = new Set(names.map((n) => n.trim()).filter(Boolean)).size;
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
      <legend style={{ fontSize: 14, fontWeight: 500, marginBottom: 4 }}>
        {label}{' '}
        <Typography.Text strong={distinct < min} style={{ fontSize: 12 }}>
          ({fill(t.intake.atLeastTwo, { n: distinct })})
        </Typography.Text>
      </legend>
      <Space direction="vertical" style={{ width: '100%' }}>
        {names.map((name, i) => (
          <Space key={i} wrap>
            <Input
              id={`${idPrefix}-${i + 1}`}
              aria-label={`${label} ${i + 1}`}
              value={name}
              maxLength={50}
              onChange={(e) => onChange(names.map((n, j) => (j === i ? e.target.value : n)))}
              style={{ width: 200 }}
            />
            {names.length > min ? (
              <Button size="small" onClick={() => onChange(names.filter((_, j) => j !== i))}>
                {t.intake.removePerson}
              </Button>
            ) : null}
          </Space>
        ))}
        <Button size="small" onClick={() => onChange([...names, ''])}>
          {t.intake.addPerson} · {label}
        </Button>
      </Space>
    </fieldset>
  );
}
