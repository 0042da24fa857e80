import { ApiProperty } from '@nestjs/swagger';

export class CategoryFacet {
  @ApiProperty() code!: string;
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

export class RegionFacet {
  @ApiProperty({ description: 'GB/T 2260 code' }) code!: string;
  @ApiProperty({ enum: ['province', 'city', 'district'] }) level!: string;
  @ApiProperty() name!: string;
}

/** The values the filters offer: only those that occur in published results. */
export class FacetsView {
  @ApiProperty({ type: CategoryFacet, isArray: true }) categories!: CategoryFacet[];
  @ApiProperty({ type: String, isArray: true, description: 'platform names; `none` stands for own websites' })
  platforms!: string[];
  @ApiProperty({ type: RegionFacet, isArray: true }) regions!: RegionFacet[];
  @ApiProperty({ type: String, isArray: true, description: 'years, quarters and months, newest first' })
  periods!: string[];
  @ApiProperty({ description: 'the bureau that publishes' }) bureau!: string;
}
