import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** A credit file search: a unified social credit code, or part of a name, shop name or shop id. */
export class CreditSearchQuery {
  @ApiProperty({
    description:
      "an 18-character unified social credit code (exact: sellers and producers), or part of a seller's or producer's name, or of a seller's shop name or shop address, or the platform's shop id",
    example: '示例家纺',
  })
  @IsString()
  @MinLength(2, { message: 'q must be at least 2 characters' })
  @MaxLength(100)
  q!: string;

  @ApiPropertyOptional({ enum: ['seller', 'producer'] })
  @IsOptional()
  @IsIn(['seller', 'producer'])
  role?: 'seller' | 'producer';
}
