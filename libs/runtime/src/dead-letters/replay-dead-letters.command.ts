import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  Equals,
  IsArray,
  IsDefined,
  Matches,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { RuleAcrossFields } from '@qis/contracts';

export const POSITION = /^\d{1,6}:\d{1,19}$/;

/** Which letters to replay: `{ positions: ["1:42", …] }` or `{ all: true }`, never both. */
@RuleAcrossFields({
  oneOf: [{ required: ['positions'] }, { required: ['all'] }],
  example: { positions: ['1:42'] },
})
export class ReplayDeadLettersCommand {
  @ApiPropertyOptional({
    type: [String],
    example: ['1:42'],
    description: '`<partition>:<offset>` of each letter',
  })
  @ValidateIf((o: ReplayDeadLettersCommand) => o.all === undefined)
  @IsDefined({ message: 'positions (or all: true) is required' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(1_000)
  @ArrayUnique()
  @Matches(POSITION, { each: true, message: 'each position must be <partition>:<offset>' })
  positions?: string[];

  @ApiPropertyOptional({
    enum: [true],
    description: "every letter of this service's consumer group on the topic",
  })
  @ValidateIf((o: ReplayDeadLettersCommand) => o.all !== undefined)
  @Equals(true, { message: 'all must be true' })
  @ValidateBy({
    name: 'notWithPositions',
    validator: {
      validate: (_: unknown, args) => (args?.object as ReplayDeadLettersCommand).positions === undefined,
      defaultMessage: () => 'all cannot be combined with positions',
    },
  })
  all?: true;
}
