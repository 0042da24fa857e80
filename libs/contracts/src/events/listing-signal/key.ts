import { PlatformListingKey } from '../../facts/platform-listing-key';

export class ListingSignalKey extends PlatformListingKey {}
