import type { InspectionPurpose, SampleRole } from '@qis/contracts';

/** A sealed sample to send to a lab drawn at random. */
export class DispatchSampleCommand {
  batchNumber!: string;
  purpose!: InspectionPurpose;
  category!: string;
  sampleName!: string;
  sampleCode!: string;
  sampleRole!: SampleRole;
  sealNumber!: string;
  productStandard!: string | null;
  reinspectionOfReport!: string | null;
  /** Labs never drawn: the original lab of a re-inspection, labs that declined this sample. */
  excludedLabIds!: string[];
  /** For a re-inspection: labs above this qualification level are preferred when there are any. */
  preferAboveLevel!: number | null;
  /** The message that caused the dispatch, for the event's causation id. */
  causationId?: string;
  at!: Date;
}
