import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EvidenceObjectView } from './evidence-object.view';

export class UploadProblem {
  @ApiProperty({ enum: ['size', 'sha256', 'parts', 'retention', 'objectId'] })
  field!: string;

  @ApiProperty({ type: [String] })
  reasons!: string[];
}

/** Where an upload stands, for the uploader to poll after finalize answered 202. */
export class UploadStatusView {
  @ApiProperty()
  objectId!: string;

  @ApiProperty({
    enum: ['uploading', 'verifying', 'stored', 'rejected', 'deleted'],
    description:
      'uploading: not finalized yet; verifying: the background job hashes and copies it; stored: in the ' +
      'locked bucket, in the custody ledger; rejected: size, SHA-256 or retention refused (see errors)',
  })
  state!: 'uploading' | 'verifying' | 'stored' | 'rejected' | 'deleted';

  @ApiPropertyOptional({ nullable: true, type: String })
  rejection!: string | null;

  @ApiPropertyOptional({ type: [UploadProblem], description: 'rejected: each refused field and why' })
  errors?: UploadProblem[];

  @ApiPropertyOptional({ type: EvidenceObjectView, description: 'the object once stored or rejected' })
  object?: EvidenceObjectView;
}
