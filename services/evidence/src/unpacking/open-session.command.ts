import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ClaimedProduct } from '@qis/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { Participant } from './participant';

export class OpenSessionCommand {
  @ApiProperty({ description: 'the admitted parcel' })
  @IsUUID()
  parcelId!: string;

  @ApiProperty({
    type: [Participant],
    description: 'the buyer, at least two enforcement officers and at least two lab staff (拆包查验)',
    example: [
      { role: 'buyer' },
      { role: 'enforcement-officer', name: '王明' },
      { role: 'enforcement-officer', name: '陈静' },
      { role: 'lab-staff', name: '李强' },
      { role: 'lab-staff', name: '赵敏' },
    ],
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => Participant)
  participants!: Participant[];

  @ApiProperty({ description: 'stored evidence object of kind unboxing-video (one continuous recording)' })
  @IsUUID()
  videoObjectId!: string;

  @ApiProperty({ description: 'stored evidence object of kind waybill-photo' })
  @IsUUID()
  waybillPhotoObjectId!: string;

  @ApiPropertyOptional({ description: 'sample-photo / product-claim-photo objects' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  photoObjectIds?: string[];

  @ApiProperty({
    description: 'claimed brand, producer, standard, spec/model, production date or lot (标称信息)',
  })
  // An object: ValidateNested alone passes an empty array, stored as {} (found by fuzzing: the
  // session then answered a `claimed` without its required fields).
  @IsObject()
  @ValidateNested()
  @Type(() => ClaimedProduct)
  claimed!: ClaimedProduct;
}
