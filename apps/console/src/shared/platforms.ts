/**
 * The trading platforms' names for their codes (the batch carries the code only, e.g. `taobao`;
 * the name the buyer records with the purchase wins once there is one).
 */
const PLATFORMS: Record<string, { zh: string; en: string }> = {
  taobao: { zh: '淘宝', en: 'Taobao' },
  tmall: { zh: '天猫', en: 'Tmall' },
  jd: { zh: '京东', en: 'JD.com' },
  pinduoduo: { zh: '拼多多', en: 'Pinduoduo' },
  douyin: { zh: '抖音', en: 'Douyin' },
  kuaishou: { zh: '快手', en: 'Kuaishou' },
  xianyu: { zh: '闲鱼', en: 'Xianyu' },
  vip: { zh: '唯品会', en: 'Vipshop' },
  suning: { zh: '苏宁易购', en: 'Suning' },
  '1688': { zh: '1688', en: '1688.com' },
  xiaohongshu: { zh: '小红书', en: 'Xiaohongshu' },
  wechat: { zh: '微信小店', en: 'WeChat Shop' },
  dangdang: { zh: '当当', en: 'Dangdang' },
  yungou: { zh: '云购商城', en: 'Yungou Mall' },
};

/** The platform's name for its code ("淘宝"), the recorded name when given, the code when unknown. */
export const platformName = (code: string, language: string, recorded?: string | null): string =>
  recorded?.trim() || PLATFORMS[code]?.[language === 'en' ? 'en' : 'zh'] || code;
