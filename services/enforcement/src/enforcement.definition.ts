import { sqlGauge, type ServiceDefinition } from '@qis/runtime';
import { EnforcementConfig } from './enforcement.config';
import { EnforcementModule, enforcementEntities } from './enforcement.module';
import { migrations } from './migrations';

export const enforcementService: ServiceDefinition<EnforcementConfig> = {
  name: 'enforcement',
  title: 'QIS Enforcement service',
  description: 'Notices and deadlines, objections and re-inspection, routing to jurisdiction, cases, credit.',
  config: EnforcementConfig,
  entities: enforcementEntities,
  migrations,
  imports: [EnforcementModule],
  metrics: (registry, app) => {
    // Legal clocks: open ones, those due within a day, and those past due the scan has not handled
    // yet (persistently non-zero: the deadline scan is not running).
    sqlGauge(registry, app, {
      name: 'qis_legal_deadlines',
      help: 'Legal deadlines not met, by kind and state (open, due-within-24h, past-due-unhandled)',
      labelNames: ['kind', 'state'],
      sql: `select kind, state, count(*)::int as value from (
              select kind, case when due_at < now() then 'past-due-unhandled'
                                when due_at < now() + interval '24 hours' then 'due-within-24h'
                                else 'open' end as state
                from deadline where met_at is null and handled_at is null) d
            group by kind, state`,
    });
    // What the deadline scan raised and nobody resolved: a notice not sent in time, an overdue report, …
    sqlGauge(registry, app, {
      name: 'qis_open_alerts',
      help: 'Alerts raised by the deadline scan and not resolved, by kind',
      labelNames: ['kind'],
      sql: 'select kind, count(*)::int as value from alert where resolved_at is null group by kind',
    });
  },
  openApiLinks: [
    {
      from: 'fileObjection',
      to: ['getObjection', 'decide', 'complete', 'waive'],
      parameters: { id: '$response.body#/id' },
    },
    {
      from: 'submit',
      to: ['getCalendarYear', 'approve', 'sendBack'],
      parameters: { year: '$response.body#/year' },
    },
  ],
};
