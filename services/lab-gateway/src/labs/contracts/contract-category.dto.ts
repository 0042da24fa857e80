import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

/** One category a contract covers, with its price per sample and, when it differs, its turnaround. */
export class ContractCategoryDto {
  @ApiProperty({ example: 'silk-quilt' })
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9][a-z0-9-]*$/, { message: 'category must be a category code (lower case, digits, -)' })
  category!: string;

  @ApiProperty({ description: 'price per sample in fen (分), an integer', example: 120_000 })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  priceFen!: number;

  @ApiPropertyOptional({
    description: "turnaround in working days for this category; default: the contract's",
    example: 5,
  })
  // May be left out (the contract's applies), never null.
  @ValidateIf((_, value) => value !== undefined)
  @IsInt()
  @Min(1)
  @Max(120)
  turnaroundWorkingDays?: number;
}
