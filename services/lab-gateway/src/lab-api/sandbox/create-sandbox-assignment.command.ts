import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

/** A synthetic assignment for a sandbox lab to practise on. */
export class CreateSandboxAssignmentCommand {
  @ApiProperty({
    description: "a category in the sandbox lab's scope that has a test-item catalogue",
    example: 'silk-quilt',
  })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'category must be a category code such as silk-quilt' })
  category!: string;
}
