import { Module } from '@nestjs/common';
import { BatchBuyer } from './batch-buyer';
import { Pseudonyms } from './pseudonyms';

/** Who may read and upload which evidence (`evidence-policy.ts`), the pseudonyms of subjects and of a batch's buyer. */
@Module({ providers: [Pseudonyms, BatchBuyer], exports: [Pseudonyms, BatchBuyer] })
export class AccessModule {}
