import { AddPublicationSampler1765900000000 } from './add-publication-sampler.migration';
import { CreateDisclosure1764000000000 } from './create-disclosure.migration';

/** The disclosure service's migrations, in order. Each runs once, in its own transaction, at start. */
export const migrations = [CreateDisclosure1764000000000, AddPublicationSampler1765900000000];
