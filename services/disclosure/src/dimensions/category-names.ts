/** Chinese and English names of product categories (codes from the contracts); unknown codes show as is. */
const NAMES: Record<string, { zh: string; en: string }> = {
  'silk-quilt': { zh: '蚕丝被', en: 'Silk quilts' },
  'down-quilt': { zh: '羽绒被', en: 'Down quilts' },
  'down-garment': { zh: '羽绒服装', en: 'Down garments' },
  'power-strip': { zh: '插座（转换器）', en: 'Power strips' },
  'induction-cooker': { zh: '电磁灶', en: 'Induction cookers' },
  'electric-kettle': { zh: '电热水壶', en: 'Electric kettles' },
  'children-clothing': { zh: '儿童服装', en: "Children's clothing" },
  'children-footwear': { zh: '儿童鞋', en: "Children's footwear" },
  toy: { zh: '玩具', en: 'Toys' },
  'school-supplies': { zh: '学生用品', en: 'School supplies' },
  'mobile-charger': { zh: '手机充电器', en: 'Phone chargers' },
  'led-lamp': { zh: 'LED灯具', en: 'LED lamps' },
  'bicycle-helmet': { zh: '电动自行车头盔', en: 'E-bike helmets' },
  cosmetics: { zh: '化妆品', en: 'Cosmetics' },
  'food-contact-plastic': { zh: '食品接触用塑料制品', en: 'Food-contact plastics' },
};

export interface CategoryName {
  code: string;
  zh: string;
  en: string;
}

export const categoryName = (code: string): CategoryName => ({
  code,
  ...(NAMES[code] ?? { zh: code, en: code }),
});
