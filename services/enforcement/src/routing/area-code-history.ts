/** Where part of a retired or redrawn area went: today's district and the streets/towns it took. */
export interface AreaSuccessor {
  code: string;
  name: string;
  /**
   * The streets and towns (街道 / 镇) of the old area that went to this successor, as the change
   * named them; undefined when the successor kept "the rest" and the notice did not list it.
   */
  parts?: readonly string[];
}

/** One GB/T 2260 code whose area changed, and where that area is today. */
export interface AreaCodeChange {
  code: string;
  /** The name the code carried before the change. */
  name: string;
  /** When the change took effect (year-month). */
  effective: string;
  /** The act that made the change: its number, title and date (the source of the row). */
  basis: string;
  /**
   * `retired`: the code is no longer in GB/T 2260. `redrawn`: the code lives on for a smaller area,
   * so a code issued before `effective` (a credit code, an old licence) may mean a successor.
   * `renamed`: the code lives on for the same area under a new name (an old address may use the old one).
   */
  status: 'retired' | 'redrawn' | 'renamed';
  /** The city the area belongs to (its name must not be confused with a namesake elsewhere). */
  cityName: string;
  successors: readonly AreaSuccessor[];
}

/** 乡 or 镇: the approvals of 2000 name some units only as "……12个乡（镇）". */
const townships = (...names: string[]): string[] => names.flatMap((n) => [`${n}乡`, `${n}镇`]);

const JH_2000 = '国函〔2000〕138号《国务院关于同意浙江省调整金华市部分行政区划的批复》（2000年12月30日）';
const LS_2000 = '国函〔2000〕46号《国务院关于同意浙江省撤销丽水地区设立地级丽水市的批复》（2000年5月20日）';
const HZ_2001 =
  '国函〔2001〕13号《国务院关于同意浙江省撤销萧山市余杭市设立杭州市萧山区余杭区的批复》（2001年2月2日）';
const WZ_2001 = '国函〔2001〕84号《国务院关于同意浙江省调整温州市市辖区行政区划的批复》（2001年7月27日）';
const SX_2001 =
  '国函〔2001〕5号《国务院关于同意浙江省调整绍兴市部分行政区划及绍兴县人民政府驻地迁移的批复》（2001年1月13日）';
const QZ_2001 =
  '国函〔2001〕161号《国务院关于同意浙江省撤销衢县设立衢州市衢江区及调整衢州市市辖区部分行政区划的批复》（2001年12月10日）';
const NB_2002 = '国函〔2002〕8号《国务院关于同意浙江省撤销鄞县设立宁波市鄞州区的批复》（2002年2月1日）';
const JX_2005 = '民函〔2005〕103号《民政部关于浙江省嘉兴市秀城区更名为南湖区的批复》（2005年5月17日）';
const SX_2013 = '国函〔2013〕112号《国务院关于同意浙江省调整绍兴市部分行政区划的批复》（2013年10月18日）';
const HZ_2014 = '国函〔2014〕157号《国务院关于同意浙江省调整杭州市部分行政区划的批复》（2014年12月13日）';
const WZ_2015 = '国函〔2015〕122号《国务院关于同意浙江省调整温州市部分行政区划的批复》（2015年7月23日）';
const NB_2016 = '国函〔2016〕158号《国务院关于同意浙江省调整宁波市部分行政区划的批复》（2016年9月14日）';
const YH_2017 = '民函〔2017〕70号《民政部关于同意浙江省撤销玉环县设立县级玉环市的批复》（2017年4月9日）';
const HZ_2017 = '国函〔2017〕102号《国务院关于同意浙江省调整杭州市部分行政区划的批复》（2017年7月18日）';
const LG_2019 = '民函〔2019〕83号《民政部关于同意浙江省设立县级龙港市的批复》（2019年8月16日）';
const SX_2021 =
  '浙政函〔2021〕17号《浙江省人民政府关于绍兴市越城区和上虞区部分行政区域界线变更的批复》（2021年2月21日）';
const HZ_2021 =
  '国函〔2021〕29号，浙政发〔2021〕7号《浙江省人民政府关于调整杭州市部分行政区划的通知》（2021年3月11日，4月9日公布）';

/** A county-level code of 丽水地区 renumbered whole under the new 地级丽水市 (2000). */
const lishui = (code: string, name: string, successor: string, successorName = name): AreaCodeChange => ({
  code,
  name,
  effective: '2000-05',
  basis: LS_2000,
  status: 'retired',
  cityName: '丽水市',
  successors: [{ code: successor, name: successorName }],
});

/**
 * The maintained history of Zhejiang's county-level GB/T 2260 codes since 2000: every code retired,
 * renumbered, redrawn or renamed, each row with the approval that made the change. Unified social
 * credit codes (GB 32100, characters 3–8) and old licences keep the area code of the day they were
 * issued; this table maps such a code to today's districts (a successor later redrawn itself is
 * followed by AreaLocator). Rows were checked against the State Council's and the Ministry of Civil
 * Affairs' approvals as collected, with the codes on either side, in the areacodes dataset (CC0),
 * through the codes of 2024.
 *
 * Left out, for want of a unit the address parser can name: village-level transfers (2001: 桥下镇
 * 中央涂居委会, 梧埏镇 and 蒲州镇 villages to 鹿城区, 塘下镇 villages to 龙湾区, 石室乡 黄坛口村 to 衢江区; 斗门镇
 * less six villages to 越城区) — such an address stays with the code it names. Not county-level:
 * 丽水地区 332500 → 丽水市 331100 (2000), and 湖州's 吴兴区 and 南浔区 (2003, 国函〔2003〕2号), set up from
 * the city's own area without retiring a county code. Add a row when the State Council, the Ministry
 * or the province approves a change, with a case in area-locator.spec.ts.
 */
export const AREA_CODE_HISTORY: readonly AreaCodeChange[] = [
  // 2000
  {
    code: '330721',
    name: '金华县',
    effective: '2000-12',
    basis: JH_2000,
    status: 'retired',
    cityName: '金华市',
    successors: [
      {
        code: '330703',
        name: '金东区',
        parts: townships('傅村', '孝顺', '曹宅', '塘雅', '澧浦', '岭下', '江东', '赤松', '源东'),
      },
      {
        code: '330702',
        name: '婺城区',
        parts: townships(
          '雅畈',
          '安地',
          '白龙桥',
          '琅琊',
          '蒋堂',
          '汤溪',
          '罗埠',
          '洋埠',
          '长山',
          '沙畈',
          '塔石',
          '岭上',
          '莘畈',
          '箬阳',
        ),
      },
    ],
  },
  {
    code: '330702',
    name: '婺城区',
    effective: '2000-12',
    basis: JH_2000,
    status: 'redrawn',
    cityName: '金华市',
    successors: [
      { code: '330702', name: '婺城区' },
      { code: '330703', name: '金东区', parts: townships('仙桥', '多湖', '东孝') },
    ],
  },
  lishui('332501', '丽水市', '331102', '莲都区'),
  lishui('332502', '龙泉市', '331181'),
  lishui('332522', '青田县', '331121'),
  lishui('332523', '云和县', '331125'),
  lishui('332525', '庆元县', '331126'),
  lishui('332526', '缙云县', '331122'),
  lishui('332527', '遂昌县', '331123'),
  lishui('332528', '松阳县', '331124'),
  lishui('332529', '景宁畲族自治县', '331127'),
  // 2001
  {
    code: '330181',
    name: '萧山市',
    effective: '2001-02',
    basis: HZ_2001,
    status: 'retired',
    cityName: '杭州市',
    successors: [{ code: '330109', name: '萧山区' }],
  },
  {
    code: '330184',
    name: '余杭市',
    effective: '2001-02',
    basis: HZ_2001,
    status: 'retired',
    cityName: '杭州市',
    successors: [{ code: '330110', name: '余杭区' }],
  },
  {
    code: '330324',
    name: '永嘉县',
    effective: '2001-07',
    basis: WZ_2001,
    status: 'redrawn',
    cityName: '温州市',
    successors: [
      { code: '330324', name: '永嘉县' },
      { code: '330302', name: '鹿城区', parts: ['七都镇'] },
    ],
  },
  {
    code: '330304',
    name: '瓯海区',
    effective: '2001-07',
    basis: `${WZ_2001}；灵昆镇划入龙湾区后，其灵昆街道依${WZ_2015}划归洞头区`,
    status: 'redrawn',
    cityName: '温州市',
    successors: [
      { code: '330304', name: '瓯海区' },
      { code: '330302', name: '鹿城区', parts: ['临江镇', '藤桥镇', '上戍乡', '双潮乡', '岙底乡'] },
      { code: '330303', name: '龙湾区', parts: ['永中镇', '天河镇', '沙城镇'] },
      { code: '330305', name: '洞头区', parts: ['灵昆镇'] },
    ],
  },
  {
    code: '330381',
    name: '瑞安市',
    effective: '2001-07',
    basis: WZ_2001,
    status: 'redrawn',
    cityName: '温州市',
    successors: [
      { code: '330381', name: '瑞安市' },
      { code: '330304', name: '瓯海区', parts: ['丽岙镇', '仙岩镇'] },
    ],
  },
  {
    code: '330821',
    name: '衢县',
    effective: '2001-12',
    basis: QZ_2001,
    status: 'retired',
    cityName: '衢州市',
    successors: [
      {
        code: '330803',
        name: '衢江区',
        parts: [
          ...[
            '云溪',
            '太真',
            '双桥',
            '庙前',
            '周家',
            '灰坪',
            '长柱',
            '坑口',
            '举村',
            '岭头',
            '洋口',
            '横路',
          ].map((n) => `${n}乡`),
          ...[
            '高家',
            '莲花',
            '峡川',
            '杜泽',
            '上方',
            '廿里',
            '后溪',
            '湖南',
            '大洲',
            '樟潭',
            '安仁',
            '全旺',
          ].map((n) => `${n}镇`),
        ],
      },
      { code: '330802', name: '柯城区', parts: ['华墅乡', '沟溪乡', '七里乡', '九华乡', '航埠镇', '石梁镇'] },
    ],
  },
  {
    code: '330802',
    name: '柯城区',
    effective: '2001-12',
    basis: QZ_2001,
    status: 'redrawn',
    cityName: '衢州市',
    successors: [
      { code: '330802', name: '柯城区' },
      { code: '330803', name: '衢江区', parts: ['浮石乡', '下张乡'] },
    ],
  },
  // 2002
  {
    code: '330227',
    name: '鄞县',
    effective: '2002-02',
    basis: NB_2002,
    status: 'retired',
    cityName: '宁波市',
    successors: [{ code: '330212', name: '鄞州区' }],
  },
  // 2005
  {
    code: '330402',
    name: '秀城区',
    effective: '2005-05',
    basis: JX_2005,
    status: 'renamed',
    cityName: '嘉兴市',
    successors: [{ code: '330402', name: '南湖区' }],
  },
  // 2013 (绍兴县 had given five towns to 越城区 in 2001 already)
  {
    code: '330621',
    name: '绍兴县',
    effective: '2013-10',
    basis: `${SX_2013}；此前${SX_2001}`,
    status: 'retired',
    cityName: '绍兴市',
    successors: [
      { code: '330603', name: '柯桥区' },
      {
        code: '330602',
        name: '越城区',
        parts: ['孙端镇', '陶堰镇', '富盛镇', '东浦镇', '鉴湖镇', '皋埠镇', '马山镇'],
      },
    ],
  },
  {
    code: '330682',
    name: '上虞市',
    effective: '2013-10',
    basis: SX_2013,
    status: 'retired',
    cityName: '绍兴市',
    successors: [{ code: '330604', name: '上虞区' }],
  },
  // 2014
  {
    code: '330183',
    name: '富阳市',
    effective: '2014-12',
    basis: HZ_2014,
    status: 'retired',
    cityName: '杭州市',
    successors: [{ code: '330111', name: '富阳区' }],
  },
  // 2015
  {
    code: '330322',
    name: '洞头县',
    effective: '2015-07',
    basis: WZ_2015,
    status: 'retired',
    cityName: '温州市',
    successors: [{ code: '330305', name: '洞头区' }],
  },
  {
    code: '330303',
    name: '龙湾区',
    effective: '2015-07',
    basis: WZ_2015,
    status: 'redrawn',
    cityName: '温州市',
    successors: [
      { code: '330303', name: '龙湾区' },
      { code: '330305', name: '洞头区', parts: ['灵昆街道'] },
    ],
  },
  // 2016
  {
    code: '330204',
    name: '江东区',
    effective: '2016-09',
    basis: NB_2016,
    status: 'retired',
    cityName: '宁波市',
    successors: [{ code: '330212', name: '鄞州区' }],
  },
  {
    code: '330212',
    name: '鄞州区',
    effective: '2016-09',
    basis: NB_2016,
    status: 'redrawn',
    cityName: '宁波市',
    successors: [
      { code: '330212', name: '鄞州区' },
      {
        code: '330203',
        name: '海曙区',
        parts: ['集士港镇', '古林镇', '高桥镇', '横街镇', '鄞江镇', '洞桥镇', '章水镇', '龙观乡', '石碶街道'],
      },
    ],
  },
  {
    code: '330283',
    name: '奉化市',
    effective: '2016-09',
    basis: NB_2016,
    status: 'retired',
    cityName: '宁波市',
    successors: [{ code: '330213', name: '奉化区' }],
  },
  // 2017
  {
    code: '331021',
    name: '玉环县',
    effective: '2017-04',
    basis: YH_2017,
    status: 'retired',
    cityName: '台州市',
    successors: [{ code: '331083', name: '玉环市' }],
  },
  {
    code: '330185',
    name: '临安市',
    effective: '2017-07',
    basis: HZ_2017,
    status: 'retired',
    cityName: '杭州市',
    successors: [{ code: '330112', name: '临安区' }],
  },
  // 2019
  {
    code: '330327',
    name: '苍南县',
    effective: '2019-08',
    basis: LG_2019,
    status: 'redrawn',
    cityName: '温州市',
    successors: [
      { code: '330327', name: '苍南县' },
      { code: '330383', name: '龙港市', parts: ['龙港镇'] },
    ],
  },
  // 2021
  {
    code: '330604',
    name: '上虞区',
    effective: '2021-02',
    basis: SX_2021,
    status: 'redrawn',
    cityName: '绍兴市',
    successors: [
      { code: '330604', name: '上虞区' },
      { code: '330602', name: '越城区', parts: ['沥海街道'] },
    ],
  },
  {
    code: '330103',
    name: '下城区',
    effective: '2021-04',
    basis: HZ_2021,
    status: 'retired',
    cityName: '杭州市',
    successors: [{ code: '330105', name: '拱墅区' }],
  },
  {
    code: '330104',
    name: '江干区',
    effective: '2021-04',
    basis: HZ_2021,
    status: 'retired',
    cityName: '杭州市',
    successors: [
      {
        code: '330102',
        name: '上城区',
        parts: [
          '凯旋街道',
          '采荷街道',
          '闸弄口街道',
          '四季青街道',
          '笕桥街道',
          '彭埠街道',
          '丁兰街道',
          '九堡街道',
        ],
      },
      { code: '330114', name: '钱塘区', parts: ['下沙街道', '白杨街道'] },
    ],
  },
  {
    code: '330110',
    name: '余杭区',
    effective: '2021-04',
    basis: HZ_2021,
    status: 'redrawn',
    cityName: '杭州市',
    successors: [
      {
        code: '330110',
        name: '余杭区',
        parts: [
          '余杭街道',
          '仓前街道',
          '闲林街道',
          '五常街道',
          '中泰街道',
          '仁和街道',
          '良渚街道',
          '瓶窑镇',
          '径山镇',
          '黄湖镇',
          '鸬鸟镇',
          '百丈镇',
        ],
      },
      {
        code: '330113',
        name: '临平区',
        parts: ['临平街道', '东湖街道', '南苑街道', '星桥街道', '运河街道', '乔司街道', '崇贤街道', '塘栖镇'],
      },
    ],
  },
  {
    code: '330109',
    name: '萧山区',
    effective: '2021-04',
    basis: HZ_2021,
    status: 'redrawn',
    cityName: '杭州市',
    successors: [
      { code: '330109', name: '萧山区' },
      { code: '330114', name: '钱塘区', parts: ['河庄街道', '义蓬街道', '新湾街道', '临江街道', '前进街道'] },
    ],
  },
];
