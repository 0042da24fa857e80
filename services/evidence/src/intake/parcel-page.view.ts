import { ApiProperty } from '@nestjs/swagger';
import { ParcelView } from './parcel.view';

export class ParcelPage {
  @ApiProperty({ type: [ParcelView] }) items!: ParcelView[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
