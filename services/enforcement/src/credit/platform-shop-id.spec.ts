import { platformShopId } from './platform-shop-id';

describe("a natural-person seller's file is keyed by the platform's shop id", () => {
  it.each([
    ['https://shop778899.taobao.com', '778899'],
    ['https://shop778899.taobao.com/', '778899'],
    ['https://store.taobao.com/shop/view_shop.htm?shop_id=551234', '551234'],
    ['https://mall.jd.com/index-1000123.html', '1000123'],
    ['https://mobile.yangkeduo.com/mall_page.html?shopId=88', '88'],
    ['https://www.douyin.com/shop/xm-99', 'xm-99'],
    ['https://example.com/my-shop/', 'example.com/my-shop'],
  ])('%s → %s', (url, id) => {
    expect(platformShopId(url)).toBe(id);
  });
});
