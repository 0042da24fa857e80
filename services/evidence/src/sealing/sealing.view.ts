import { ApiProperty } from '@nestjs/swagger';
import type { Sealing } from './sealing.entity';

export class SealingView {
  @ApiProperty() id!: string;
  @ApiProperty() batchNumber!: string;
  @ApiProperty() sampleCode!: string;
  @ApiProperty() category!: string;
  @ApiProperty() testSealNumber!: string;
  @ApiProperty() backupSealNumber!: string;
  @ApiProperty() backupStorageLocation!: string;
  @ApiProperty() workOrderNumber!: string;
  @ApiProperty({ description: 'evidence object of the work order PDF' }) workOrderObjectId!: string;
  @ApiProperty({ description: 'evidence object of the sampling notice PDF' }) noticeObjectId!: string;
  @ApiProperty() sealedAt!: string;

  static of(s: Sealing): SealingView {
    return {
      id: s.id,
      batchNumber: s.batchNumber,
      sampleCode: s.sampleCode,
      category: s.category,
      testSealNumber: s.testSealNumber,
      backupSealNumber: s.backupSealNumber,
      backupStorageLocation: s.backupStorageLocation,
      workOrderNumber: s.workOrderNumber,
      workOrderObjectId: s.workOrderObjectId,
      noticeObjectId: s.noticeObjectId,
      sealedAt: s.sealedAt.toISOString(),
    };
  }
}
