/**
 * The demo campaign's world: ten focus categories with their test items, ten platforms, districts
 * and name pools. Every business name here is fictitious; area codes are real GB/T 2260 codes.
 */

export interface TestItemSpec {
  item: string;
  mandatory: boolean;
  standard: string;
  requirement: string;
  unit: string;
  /** A plausible measured value for a conforming and for a nonconforming sample. */
  pass: string;
  fail: string;
}

export interface CategorySpec {
  code: string;
  zh: string;
  /** Product words for titles, the first is the sample name. */
  products: string[];
  brands: string[];
  specs: string[];
  /** Price range in fen. */
  priceFen: [number, number];
  productStandard: string;
  /** Relative risk: a higher value fails more often in the simulation. */
  failShare: number;
  items: TestItemSpec[];
}

const item = (
  name: string,
  mandatory: boolean,
  standard: string,
  requirement: string,
  unit: string,
  pass: string,
  fail: string,
): TestItemSpec => ({ item: name, mandatory, standard, requirement, unit, pass, fail });

export const CATEGORIES: CategorySpec[] = [
  {
    code: 'silk-quilt',
    zh: '蚕丝被',
    products: ['桑蚕丝被', '蚕丝夏凉被', '蚕丝春秋被', '子母蚕丝被'],
    brands: ['丝语坊', '锦绣蚕', '云裳丝', '桑之韵'],
    specs: ['200cm×230cm 1.5kg', '220cm×240cm 2kg', '150cm×200cm 1kg'],
    priceFen: [19_900, 129_900],
    productStandard: 'GB/T 24252-2019',
    failShare: 0.35,
    items: [
      item('蚕丝含量', true, 'GB/T 24252-2019 5.2', '≥100%（标称）', '%', '100', '62.4'),
      item('质量偏差率', true, 'GB/T 24252-2019 5.3', '≥-5.0', '%', '-1.2', '-11.8'),
      item('纤维含量', true, 'GB/T 29862-2013', '符合标称', '%', '符合', '不符合'),
      item('杂质含量', false, 'GB/T 24252-2019 5.4', '≤0.1', '%', '0.02', '0.35'),
    ],
  },
  {
    code: 'down-quilt',
    zh: '羽绒被',
    products: ['白鹅绒被', '白鸭绒被', '羽绒冬被'],
    brands: ['暖羽家', '雪绒坊', '北境羽'],
    specs: ['200cm×230cm 含绒量90%', '220cm×240cm 含绒量95%'],
    priceFen: [29_900, 199_900],
    productStandard: 'GB/T 14272-2021',
    failShare: 0.3,
    items: [
      item('含绒量', true, 'GB/T 10288-2016', '≥标称值-5', '%', '91.0', '62.5'),
      item('充绒量偏差率', true, 'GB/T 14272-2021', '≥-5.0', '%', '-0.8', '-14.2'),
      item('蓬松度', true, 'GB/T 10288-2016', '≥标称值', 'cm', '16.5', '11.2'),
      item('异味', false, 'GB/T 10288-2016', '无异味', '级', '0', '2'),
    ],
  },
  {
    code: 'down-garment',
    zh: '羽绒服装',
    products: ['羽绒服', '轻薄羽绒服', '长款羽绒服'],
    brands: ['极地风', '冬之暖', '雪峰'],
    specs: ['170/88A', '175/92A', '165/84A'],
    priceFen: [19_900, 159_900],
    productStandard: 'GB/T 14272-2021',
    failShare: 0.25,
    items: [
      item('含绒量', true, 'GB/T 14272-2021', '≥50', '%', '82.0', '41.3'),
      item('充绒量', true, 'GB/T 14272-2021', '≥标称值', 'g', '152', '98'),
      item('纤维含量', true, 'GB/T 29862-2013', '符合标称', '%', '符合', '不符合'),
      item('耐摩擦色牢度', false, 'GB 18401-2010', '≥3-4', '级', '4', '2-3'),
    ],
  },
  {
    code: 'power-strip',
    zh: '插座（转换器）',
    products: ['多用途插座', '排插', 'USB插线板'],
    brands: ['安电宝', '通电侠', '星联'],
    specs: ['3孔+3USB 1.8m', '5位 3m', '8位 5m'],
    priceFen: [1_990, 12_900],
    productStandard: 'GB/T 2099.1-2021',
    failShare: 0.4,
    items: [
      item('标志', true, 'GB/T 2099.1-2021 第8章', '符合要求', '—', '符合', '不符合'),
      item('防触电保护', true, 'GB/T 2099.1-2021 第10章', '符合要求', '—', '符合', '不符合'),
      item('插头插座尺寸', true, 'GB/T 1002-2021', '符合标准图', '—', '符合', '不符合'),
      item('温升', true, 'GB/T 2099.1-2021 第19章', '≤45', 'K', '28', '61'),
    ],
  },
  {
    code: 'induction-cooker',
    zh: '电磁灶',
    products: ['电磁炉', '家用电磁灶', '多功能电磁炉'],
    brands: ['炊火', '厨易', '美煮'],
    specs: ['2100W', '2200W 触控', '1800W'],
    priceFen: [9_900, 49_900],
    productStandard: 'GB 4706.29-2008',
    failShare: 0.2,
    items: [
      item('输入功率和电流', true, 'GB 4706.1-2005 第10章', '偏差+5%~-10%', '%', '+1.2', '+9.8'),
      item('发热', true, 'GB 4706.1-2005 第11章', '温升≤限值', 'K', '符合', '不符合'),
      item('泄漏电流和电气强度', true, 'GB 4706.1-2005 第16章', '≤0.75', 'mA', '0.12', '1.40'),
      item('接地措施', true, 'GB 4706.1-2005 第27章', '≤0.1', 'Ω', '0.03', '0.26'),
    ],
  },
  {
    code: 'electric-kettle',
    zh: '电热水壶',
    products: ['电热水壶', '不锈钢烧水壶', '恒温电水壶'],
    brands: ['沸点', '清泉', '暖壶家'],
    specs: ['1.7L 1800W', '1.5L 1500W', '1.2L 1350W'],
    priceFen: [3_900, 29_900],
    productStandard: 'GB 4706.19-2008',
    failShare: 0.25,
    items: [
      item('对触及带电部件的防护', true, 'GB 4706.1-2005 第8章', '符合要求', '—', '符合', '不符合'),
      item('输入功率和电流', true, 'GB 4706.1-2005 第10章', '偏差+5%~-10%', '%', '-2.1', '+8.7'),
      item('非正常工作', true, 'GB 4706.19-2008 第19章', '符合要求', '—', '符合', '不符合'),
      item('标志和说明', false, 'GB 4706.1-2005 第7章', '符合要求', '—', '符合', '不符合'),
    ],
  },
  {
    code: 'children-clothing',
    zh: '儿童服装',
    products: ['儿童卫衣', '婴幼儿连体衣', '儿童套装'],
    brands: ['小童星', '棉朵朵', '乐贝'],
    specs: ['110cm', '120cm', '90cm'],
    priceFen: [2_990, 19_900],
    productStandard: 'GB 31701-2015',
    failShare: 0.3,
    items: [
      item('绳带', true, 'GB 31701-2015 5.1', '不得有功能性绳带', '—', '符合', '不符合'),
      item('甲醛含量', true, 'GB 18401-2010', '≤20', 'mg/kg', '未检出', '56'),
      item('pH值', true, 'GB 18401-2010', '4.0~7.5', '—', '6.3', '8.9'),
      item('纤维含量', false, 'GB/T 29862-2013', '符合标称', '%', '符合', '不符合'),
    ],
  },
  {
    code: 'toy',
    zh: '玩具',
    products: ['益智积木', '毛绒玩具', '电动玩具车'],
    brands: ['童乐园', '奇趣', '萌宝'],
    specs: ['3岁以上 120粒', '30cm', '遥控 1:24'],
    priceFen: [1_990, 29_900],
    productStandard: 'GB 6675.1-2014',
    failShare: 0.3,
    items: [
      item('小零件', true, 'GB 6675.2-2014 4.4', '不得产生小零件', '—', '符合', '不符合'),
      item('可迁移元素', true, 'GB 6675.4-2014', '铅≤90', 'mg/kg', '未检出', '186'),
      item('增塑剂', true, 'GB 6675.1-2014', '≤0.1', '%', '未检出', '0.86'),
      item('警示标识', false, 'GB 6675.1-2014 5.2', '符合要求', '—', '符合', '不符合'),
    ],
  },
  {
    code: 'mobile-charger',
    zh: '手机充电器',
    products: ['快充充电器', 'PD快充头', '多口充电器'],
    brands: ['极速充', '电小萌', '闪充王'],
    specs: ['20W Type-C', '65W 氮化镓', '18W USB-A'],
    priceFen: [1_990, 15_900],
    productStandard: 'GB 4943.1-2022',
    failShare: 0.35,
    items: [
      item('电气间隙和爬电距离', true, 'GB 4943.1-2022 5.4', '≥限值', 'mm', '4.2', '1.6'),
      item('抗电强度', true, 'GB 4943.1-2022 5.4.9', '不击穿', '—', '符合', '击穿'),
      item('输入试验', true, 'GB 4943.1-2022 B.2', '≤额定值+10%', '%', '+3', '+18'),
      item('标记和说明', false, 'GB 4943.1-2022 F.3', '符合要求', '—', '符合', '不符合'),
    ],
  },
  {
    code: 'led-lamp',
    zh: 'LED灯具',
    products: ['LED台灯', 'LED吸顶灯', 'LED护眼灯'],
    brands: ['明光', '亮晶晶', '护目星'],
    specs: ['12W 4000K', '24W 三色调光', '8W USB'],
    priceFen: [2_990, 39_900],
    productStandard: 'GB 7000.1-2015',
    failShare: 0.2,
    items: [
      item('标记', true, 'GB 7000.1-2015 第3章', '符合要求', '—', '符合', '不符合'),
      item('防触电保护', true, 'GB 7000.1-2015 第8章', '符合要求', '—', '符合', '不符合'),
      item('耐热、耐火', true, 'GB 7000.1-2015 第13章', '≤2', 'mm', '0.8', '3.6'),
      item('频闪', false, 'GB/T 31831-2015', '无危害', '—', '符合', '不符合'),
    ],
  },
];

/** A fictitious platform and its operator (第三方交易平台经营者) with the registered district. */
export interface PlatformSpec {
  code: string;
  name: string;
  url: string;
  operatorName: string;
  operatorAreaCode: string;
  operatorAddress: string;
}

export const PLATFORMS: PlatformSpec[] = [
  ['yungou', '云购商城', '浙江云购网络科技有限公司', '330110', '浙江省杭州市余杭区文一西路998号'],
  ['lanjing', '蓝鲸优选', '杭州蓝鲸电子商务有限公司', '330108', '浙江省杭州市滨江区网商路699号'],
  ['duoduomai', '多多买', '上海多多买信息技术有限公司', '310115', '上海市浦东新区张江路88号'],
  ['jingxuan', '京选网', '北京京选电子商务有限公司', '110105', '北京市朝阳区建国路77号'],
  ['yinshi', '音视好物', '杭州音视文化传媒有限公司', '330106', '浙江省杭州市西湖区学院路28号'],
  ['wenmall', '温品汇', '温州温品汇网络有限公司', '330302', '浙江省温州市鹿城区车站大道166号'],
  ['yiwugou', '义乌小商品网', '义乌市小商品电子商务有限公司', '330782', '浙江省义乌市福田路105号'],
  ['nanyue', '南粤购', '广州南粤购科技有限公司', '440106', '广东省广州市天河区天河路385号'],
  ['minhai', '闽海商城', '厦门闽海电子商务有限公司', '350203', '福建省厦门市思明区湖滨南路90号'],
  ['qiantang', '钱塘集市', '杭州钱塘集市网络有限公司', '330114', '浙江省杭州市钱塘区白杨街道6号'],
].map(([code, name, operatorName, operatorAreaCode, operatorAddress]) => ({
  code,
  name,
  url: `https://www.${code}.example.cn`,
  operatorName,
  operatorAreaCode,
  operatorAddress,
}));

/** Seller districts: most in Hangzhou, some elsewhere in Zhejiang, some in other provinces. */
export const DISTRICTS: Array<{ code: string; place: string; road: string }> = [
  { code: '330102', place: '浙江省杭州市上城区', road: '解放路' },
  { code: '330105', place: '浙江省杭州市拱墅区', road: '莫干山路' },
  { code: '330106', place: '浙江省杭州市西湖区', road: '文三路' },
  { code: '330108', place: '浙江省杭州市滨江区', road: '江南大道' },
  { code: '330109', place: '浙江省杭州市萧山区', road: '人民路' },
  { code: '330110', place: '浙江省杭州市余杭区', road: '临平大道' },
  { code: '330111', place: '浙江省杭州市富阳区', road: '富春街道' },
  { code: '330112', place: '浙江省杭州市临安区', road: '钱王街' },
  { code: '330113', place: '浙江省杭州市临平区', road: '星光街' },
  { code: '330114', place: '浙江省杭州市钱塘区', road: '下沙路' },
  { code: '330127', place: '浙江省杭州市淳安县', road: '千岛湖大道' },
  { code: '330203', place: '浙江省宁波市海曙区', road: '中山西路' },
  { code: '330402', place: '浙江省嘉兴市南湖区', road: '中环南路' },
  { code: '330502', place: '浙江省湖州市吴兴区', road: '织里路' },
  { code: '330602', place: '浙江省绍兴市越城区', road: '解放北路' },
  { code: '330681', place: '浙江省绍兴市诸暨市', road: '大桥路' },
  { code: '330702', place: '浙江省金华市婺城区', road: '八一北街' },
  { code: '330782', place: '浙江省金华市义乌市', road: '稠州北路' },
  { code: '331002', place: '浙江省台州市椒江区', road: '市府大道' },
  { code: '320505', place: '江苏省苏州市虎丘区', road: '长江路' },
  { code: '440106', place: '广东省广州市天河区', road: '体育西路' },
  { code: '441900', place: '广东省东莞市', road: '东城大道' },
  { code: '350203', place: '福建省厦门市思明区', road: '厦禾路' },
  { code: '420106', place: '湖北省武汉市武昌区', road: '中南路' },
  { code: '510107', place: '四川省成都市武侯区', road: '科华北路' },
  { code: '370202', place: '山东省青岛市市南区', road: '香港中路' },
];

export const SHOP_WORDS = ['旗舰店', '专营店', '官方店', '家居馆', '优品店', '工厂店', '生活馆'];
export const COMPANY_WORDS = ['纺织品', '家纺', '电器', '科技', '贸易', '日用品', '服饰', '玩具', '实业'];
export const NAME_WORDS = [
  '华瑞',
  '恒信',
  '鼎盛',
  '锦程',
  '瑞丰',
  '宏达',
  '汇通',
  '佳和',
  '永康',
  '泰和',
  '金禾',
  '安顺',
  '明德',
  '盛世',
  '嘉禾',
  '诚信',
  '福临',
  '新锐',
  '远航',
  '凯德',
  '正和',
  '天成',
  '海纳',
  '银河',
];
export const PROMOTIONS = [
  '限时秒杀',
  '爆款',
  '超低价',
  '工厂直销',
  '清仓',
  '买一送一',
  '全网最低',
  '正品保证',
];
