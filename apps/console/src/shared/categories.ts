/** Product category codes (as the services use them) with their Chinese and English names. */
export const CATEGORIES: Record<string, { zh: string; en: string; standard?: string }> = {
  'silk-quilt': { zh: '蚕丝被', en: 'Silk quilts', standard: 'GB/T 24252-2019' },
  'down-quilt': { zh: '羽绒被', en: 'Down quilts', standard: 'GB/T 14272-2021' },
  'down-garment': { zh: '羽绒服装', en: 'Down garments', standard: 'GB/T 14272-2021' },
  'power-strip': { zh: '插座（转换器）', en: 'Power strips', standard: 'GB/T 2099.1-2021' },
  'induction-cooker': { zh: '电磁灶', en: 'Induction cookers', standard: 'GB 4706.29-2008' },
  'electric-kettle': { zh: '电热水壶', en: 'Electric kettles', standard: 'GB 4706.19-2008' },
  'children-clothing': { zh: '儿童服装', en: "Children's clothing", standard: 'GB 31701-2015' },
  toy: { zh: '玩具', en: 'Toys', standard: 'GB 6675-2014' },
  'mobile-charger': { zh: '手机充电器', en: 'Phone chargers', standard: 'GB 4943.1-2022' },
  'led-lamp': { zh: 'LED灯具', en: 'LED lamps', standard: 'GB 7000.1-2015' },
};

export const categoryLabel = (code: string, language: string): string =>
  CATEGORIES[code]?.[language === 'en' ? 'en' : 'zh'] ?? code;

export const categoryOptions = (language: string) =>
  Object.keys(CATEGORIES).map((code) => ({ value: code, label: categoryLabel(code, language) }));
