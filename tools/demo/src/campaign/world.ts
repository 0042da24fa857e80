import { unifiedSocialCreditCheckCharacter } from '@qis/contracts';
import type { ListingRecord } from '../actors';
import {
  CATEGORIES,
  COMPANY_WORDS,
  DISTRICTS,
  NAME_WORDS,
  PLATFORMS,
  PROMOTIONS,
  SHOP_WORDS,
  type CategorySpec,
  type PlatformSpec,
} from './catalog';

/** A seeded generator (mulberry32): the same seed builds the same world. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

const CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A unified social credit code of an enterprise registered in `areaCode`, with its check character. */
export function creditCode(random: Random, areaCode: string): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += CODE_CHARSET[random.int(0, i < 8 ? 30 : 9)];
  const first17 = `91${areaCode}${org}`;
  return first17 + unifiedSocialCreditCheckCharacter(first17);
}

export interface Seller {
  name: string;
  shopName: string;
  creditCode: string;
  areaCode: string;
  address: string;
  /** Where the seller trades: a platform code, or undefined for its own web site. */
  platform?: PlatformSpec;
  /** A seller whose address is unknown: notices go out as a public notice. */
  unreachable: boolean;
  shopUrl: string;
}

export interface World {
  sellers: Seller[];
  listings: ListingRecord[];
}

const BRAND_SYLLABLES = [
  '雅',
  '棉',
  '恒',
  '优',
  '康',
  '乐',
  '美',
  '悦',
  '安',
  '暖',
  '晨',
  '星',
  '禾',
  '润',
  '欣',
  '泰',
];

/** The code planning files own-site sales under: the seller is its own "platform operator". */
export const OWN_SITE = 'own-site';

/**
 * Builds the campaign's sellers and listings: `listings` listings over the ten categories, spread
 * over `sellers` sellers in many districts (a few out of the province, a few on their own site, a
 * few with an unknown address), each listing with realistic price, sales and ratings.
 */
export function buildWorld(seed: number, counts = { sellers: 320, listings: 2_000 }): World {
  const random = new Random(seed);
  const sellers: Seller[] = [];
  const names = new Set<string>();
  while (sellers.length < counts.sellers) {
    const district = random.pick(DISTRICTS);
    const city = district.place.replace(/^(.+?省)?(.+?市).*$/, '$2').replace(/市$/, '');
    const name = `${city}${random.pick(NAME_WORDS)}${random.pick(NAME_WORDS)}${random.pick(COMPANY_WORDS)}有限公司`;
    if (names.has(name)) continue;
    names.add(name);
    const ownSite = random.chance(0.08);
    const platform = ownSite ? undefined : random.pick(PLATFORMS);
    const shopName = `${name.slice(city.length, city.length + 4)}${random.pick(SHOP_WORDS)}`;
    const n = sellers.length + 1;
    sellers.push({
      name,
      shopName,
      creditCode: creditCode(random, district.code),
      areaCode: district.code,
      address: `${district.place}${district.road}${random.int(1, 999)}号`,
      platform,
      unreachable: random.chance(0.04),
      shopUrl: platform
        ? `https://shop${100_000 + n}.${platform.code}.example.cn`
        : `https://www.seller${n}.example.cn`,
    });
  }
  const listings: ListingRecord[] = [];
  const observedAt = new Date(Date.UTC(2026, 10, 20, 2, 0, 0)).toISOString();
  for (let i = 0; i < counts.listings; i++) {
    const category: CategorySpec = CATEGORIES[i % CATEGORIES.length];
    const seller = random.pick(sellers);
    const product = random.pick(category.products);
    // Known brands and many small ones; each product line has its own model number, so a plan's
    // limit on one brand + spec/model does not run out of distinct products.
    const brand = random.chance(0.5)
      ? random.pick(category.brands)
      : `${random.pick(BRAND_SYLLABLES)}${random.pick(BRAND_SYLLABLES)}${random.pick(['', '家', '坊', '优品'])}`;
    const spec = `${random.pick(category.specs)} ${String.fromCharCode(65 + random.int(0, 25))}${random.int(100, 9999)}`;
    const promos = PROMOTIONS.filter(() => random.chance(0.12));
    const [low, high] = category.priceFen;
    // Most prices sit near the category's norm; a few are suspiciously cheap.
    const cheap = random.chance(0.1);
    const priceFen = cheap ? random.int(Math.round(low / 3), low) : random.int(low, high);
    // The seed is part of the id: every campaign imports listings of its own.
    const listingId = `${seller.platform ? seller.platform.code.slice(0, 2).toUpperCase() : 'OS'}${seed.toString(36)}-${700_000 + i * 37}`;
    const platformCode = seller.platform?.code ?? OWN_SITE;
    listings.push({
      platform: platformCode,
      listingId,
      url: seller.platform
        ? `https://item.${seller.platform.code}.example.cn/item/${listingId}`
        : `${seller.shopUrl}/product/${listingId}`,
      title: `${brand} ${product} ${spec}${promos.length > 0 ? ` ${promos.join(' ')}` : ''}`,
      category: category.code,
      brand,
      specModel: spec,
      priceFen,
      monthlySales: Math.round(Math.exp(random.next() * 9)),
      stock: random.int(0, 5_000),
      ratingCount: random.int(0, 20_000),
      badRatingRate:
        Math.round((cheap ? 0.05 + random.next() * 0.25 : random.next() * 0.08) * 10_000) / 10_000,
      promotionalClaims: promos,
      shopName: seller.shopName,
      shopUrl: seller.shopUrl,
      sellerName: seller.name,
      sellerEntityType: 'enterprise',
      sellerCreditCode: seller.creditCode,
      sellerAreaCode: seller.areaCode,
      ...(seller.unreachable ? {} : { sellerAddress: seller.address }),
      operatorName: seller.platform?.operatorName ?? seller.name,
      operatorAreaCode: seller.platform?.operatorAreaCode ?? seller.areaCode,
      observedAt,
    });
  }
  return { sellers, listings };
}
