import type { ClaimedProduct } from '../facts/claimed-product';
import type { ListingFacts } from '../facts/listing-facts';
import type { PlatformFacts } from '../facts/platform-facts';
import type { SellerFacts } from '../facts/seller-facts';

/** Shared facts of the example batch the descriptors' examples follow end to end (fictitious). */
export const exampleBatchNumber = 'HZ2026-000123';

export const examplePlatform: PlatformFacts = {
  code: 'taobao',
  name: '淘宝',
  url: 'https://www.taobao.com',
  operatorName: '浙江淘宝网络有限公司',
  operatorUnifiedSocialCreditCode: '91330100799655058B',
  operatorRegisteredAreaCode: '330110',
};

export const exampleListing: ListingFacts = {
  platformListingId: '7012345678',
  url: 'https://item.taobao.com/item.htm?id=7012345678',
  title: '100%桑蚕丝被 春秋被 限时秒杀',
};

export const exampleSeller: SellerFacts = {
  name: '杭州示例家纺有限公司',
  entityType: 'enterprise',
  unifiedSocialCreditCode: '91330106MA2CF0B1XU',
  registeredAreaCode: '330106',
  registeredAddress: '浙江省杭州市西湖区示例路1号',
  shopName: '示例家纺旗舰店',
  shopUrl: 'https://shop123456.taobao.com',
};

export const exampleClaimedProduct: ClaimedProduct = {
  sampleName: '桑蚕丝被',
  brand: '示例',
  producerName: '湖州示例丝绸有限公司',
  producerAddress: '浙江省湖州市吴兴区示例路8号',
  productStandard: 'GB/T 24252-2019',
  specModel: '200cm×230cm 1.5kg',
  productionDate: '2025-11-02',
  hasCertificate: true,
};
