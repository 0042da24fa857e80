import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVIDENCE_KINDS } from './evidence-kind';
import type { EvidenceObject } from './evidence-object.entity';

/** An evidence object's metadata. */
export class EvidenceObjectView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: EVIDENCE_KINDS }) kind!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) batchNumber!: string | null;
  @ApiProperty({
    description:
      'who uploaded it: a pseudonym (U-…) of the login subject for everyone but admins; service accounts as they are',
  })
  uploader!: string;
  @ApiProperty({ enum: ['pending', 'stored', 'rejected', 'deleted'] }) status!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) rejection!: string | null;
  @ApiProperty() contentType!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) fileName!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'computed by the service from the stored bytes',
  })
  sha256!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) size!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) versionId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) retainUntil!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) storedAt!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'when the stored version was removed, after its retention ended',
  })
  deletedAt!: string | null;

  /** `uploader` as the caller may see it: the subject (admins) or its pseudonym. */
  static of(o: EvidenceObject, uploader: string): EvidenceObjectView {
    return {
      id: o.id,
      kind: o.kind,
      batchNumber: o.batchNumber,
      uploader,
      status: o.status,
      rejection: o.rejection,
      contentType: o.contentType,
      fileName: o.fileName,
      sha256: o.sha256,
      size: o.size,
      versionId: o.versionId,
      retainUntil: o.retainUntil?.toISOString() ?? null,
      createdAt: o.createdAt.toISOString(),
      storedAt: o.storedAt?.toISOString() ?? null,
      deletedAt: o.deletedAt?.toISOString() ?? null,
    };
  }
}
