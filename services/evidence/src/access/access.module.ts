import { Module } from '@nestjs/common';
import { Pseudonyms } from './pseudonyms';

/** Who may read and upload which evidence (`evidence-policy.ts`), and the pseudonyms of subjects. */
@Module({ providers: [Pseudonyms], exports: [Pseudonyms] })
export class AccessModule {}
