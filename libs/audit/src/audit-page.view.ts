import { ApiProperty } from '@nestjs/swagger';
import { AuditEntryView } from './audit-entry.view';

export class AuditPage {
  @ApiProperty({ type: [AuditEntryView] })
  items!: AuditEntryView[];

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty({ description: 'entries matching the filters, on all pages' })
  total!: number;
}
