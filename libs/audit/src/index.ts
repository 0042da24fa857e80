export { CurrentActor, SYSTEM_ACTOR, type AuditActor } from './audit-actor';
export { AuditEntryView } from './audit-entry.view';
export { AuditLogEntry } from './audit-log-entry.entity';
export { AuditModule } from './audit.module';
export { AuditPage } from './audit-page.view';
export { AuditQuery } from './audit-query.dto';
export { AuditService, type AuditEvent } from './audit.service';
export { CreateAuditLog1763800004000 } from './create-audit-log.migration';
export { IndexAuditFilters1764800000000 } from './index-audit-filters.migration';
