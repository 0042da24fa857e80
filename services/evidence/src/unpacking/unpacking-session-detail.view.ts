import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ClaimedProduct } from '@qis/contracts';
import { PARTICIPANT_ROLES } from './participant';
import { UnpackingSessionView } from './unpacking-session.view';

export class PresentPersonView {
  @ApiProperty({ enum: PARTICIPANT_ROLES }) role!: string;
  @ApiProperty({ description: 'officers and lab staff by name, the buyer by pseudonym' }) name!: string;
}

/** The sealed sample as the intake room reads it back: seals now carried (after any re-seal). */
export class SessionSealingView {
  @ApiProperty() sampleCode!: string;
  @ApiProperty() category!: string;
  @ApiProperty() testSealNumber!: string;
  @ApiProperty() testUnits!: number;
  @ApiProperty() backupSealNumber!: string;
  @ApiProperty() backupUnits!: number;
  @ApiProperty() backupStorageLocation!: string;
  @ApiProperty() workOrderNumber!: string;
  @ApiProperty() workOrderObjectId!: string;
  @ApiProperty() noticeObjectId!: string;
  @ApiProperty({ type: [PresentPersonView] }) signatures!: PresentPersonView[];
  @ApiProperty() sealedAt!: string;
}

/** One custody step of the sealed sample: seal, hand-over to or back from a lab, re-seal. */
export class SampleCustodyStepView {
  @ApiProperty({ enum: ['seal', 'hand-over-to-lab', 'hand-back-from-lab', 're-seal'] }) action!: string;
  @ApiProperty({ enum: ['test', 'backup'] }) sample!: string;
  @ApiProperty() at!: string;
  @ApiProperty() actor!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) sealNumber!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) labId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) counterpart!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean }) sealIntact!: boolean | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reason!: string | null;
}

export class UnpackingSessionDetailView extends UnpackingSessionView {
  @ApiProperty() openedBy!: string;
  @ApiProperty({ type: [PresentPersonView] }) participants!: PresentPersonView[];
  @ApiProperty() videoObjectId!: string;
  @ApiProperty() waybillPhotoObjectId!: string;
  @ApiProperty({ type: [String] }) photoObjectIds!: string[];
  @ApiProperty({ type: ClaimedProduct }) claimed!: ClaimedProduct;
  @ApiProperty({ description: 'units ordered for testing and as backup' }) testUnits!: number;
  @ApiProperty() backupUnits!: number;
  @ApiPropertyOptional({ type: SessionSealingView, nullable: true }) sealing!: SessionSealingView | null;
  @ApiProperty({ type: [SampleCustodyStepView] }) custody!: SampleCustodyStepView[];
}

export class UnpackingSessionPage {
  @ApiProperty({ type: [UnpackingSessionView] }) items!: UnpackingSessionView[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
