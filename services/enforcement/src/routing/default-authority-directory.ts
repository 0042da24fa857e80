import type { AuthorityDirectoryData } from './authority-directory';

const hangzhouDistricts: Array<[string, string]> = [
  ['330102', '上城区'],
  ['330105', '拱墅区'],
  ['330106', '西湖区'],
  ['330108', '滨江区'],
  ['330109', '萧山区'],
  ['330110', '余杭区'],
  ['330111', '富阳区'],
  ['330112', '临安区'],
  ['330113', '临平区'],
  ['330114', '钱塘区'],
  ['330122', '桐庐县'],
  ['330127', '淳安县'],
  ['330182', '建德市'],
];

const provinces: Array<[string, string]> = [
  ['110000', '北京市'],
  ['120000', '天津市'],
  ['130000', '河北省'],
  ['140000', '山西省'],
  ['150000', '内蒙古自治区'],
  ['210000', '辽宁省'],
  ['220000', '吉林省'],
  ['230000', '黑龙江省'],
  ['310000', '上海市'],
  ['320000', '江苏省'],
  ['330000', '浙江省'],
  ['340000', '安徽省'],
  ['350000', '福建省'],
  ['360000', '江西省'],
  ['370000', '山东省'],
  ['410000', '河南省'],
  ['420000', '湖北省'],
  ['430000', '湖南省'],
  ['440000', '广东省'],
  ['450000', '广西壮族自治区'],
  ['460000', '海南省'],
  ['500000', '重庆市'],
  ['510000', '四川省'],
  ['520000', '贵州省'],
  ['530000', '云南省'],
  ['540000', '西藏自治区'],
  ['610000', '陕西省'],
  ['620000', '甘肃省'],
  ['630000', '青海省'],
  ['640000', '宁夏回族自治区'],
  ['650000', '新疆维吾尔自治区'],
];

const zhejiangCities: Array<[string, string]> = [
  ['330200', '宁波市'],
  ['330300', '温州市'],
  ['330400', '嘉兴市'],
  ['330500', '湖州市'],
  ['330600', '绍兴市'],
  ['330700', '金华市'],
  ['330800', '衢州市'],
  ['330900', '舟山市'],
  ['331000', '台州市'],
  ['331100', '丽水市'],
];

/**
 * Hangzhou's directory: its district bureaus, the inspection brigade and the online-supervision
 * office, the other cities of the province and every provincial bureau for handovers.
 * Contacts are left to each deployment's own file.
 */
export const defaultAuthorityDirectory: AuthorityDirectoryData = {
  homeAreaCode: '330100',
  authorities: [
    ...hangzhouDistricts.map(([areaCode, name]) => ({
      kind: 'district-bureau' as const,
      areaCode,
      name: `杭州市${name}市场监督管理局`,
    })),
    { kind: 'inspection-brigade', areaCode: '330100', name: '杭州市市场监督管理局稽查支队' },
    { kind: 'online-supervision-office', areaCode: '330100', name: '杭州市市场监督管理局网监办' },
    ...zhejiangCities.map(([areaCode, name]) => ({
      kind: 'out-of-area-authority' as const,
      areaCode,
      name: `${name}市场监督管理局`,
    })),
    ...provinces.map(([areaCode, name]) => ({
      kind: 'out-of-area-authority' as const,
      areaCode,
      name: `${name}市场监督管理局`,
    })),
  ],
};
