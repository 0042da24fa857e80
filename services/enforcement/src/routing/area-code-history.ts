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
  /** The act that made the change. */
  basis: string;
  /**
   * `retired`: the code is no longer in GB/T 2260. `redrawn`: the code lives on for a smaller area,
   * so a code issued before `effective` (a credit code, an old licence) may mean a successor.
   */
  status: 'retired' | 'redrawn';
  /** The city the area belongs to (its name must not be confused with a namesake elsewhere). */
  cityName: string;
  successors: readonly AreaSuccessor[];
}

const HZ_2021 = '《浙江省人民政府关于调整杭州市部分行政区划的通知》（2021年3月11日，2021年4月9日公布）';

/**
 * The maintained history of the county-level codes of the sampling city that changed. Unified
 * social credit codes (GB 32100, characters 3–8) and old licences keep the area code of the day
 * they were issued; this table maps such a code to today's districts. Add a row when the State
 * Council or the province approves a change (and a test in area-code-history.spec.ts).
 */
export const AREA_CODE_HISTORY: readonly AreaCodeChange[] = [
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
  {
    code: '330185',
    name: '临安市',
    effective: '2017-08',
    basis: '国务院批复撤销县级临安市，设立杭州市临安区，以原临安市的行政区域为临安区的行政区域',
    status: 'retired',
    cityName: '杭州市',
    successors: [{ code: '330112', name: '临安区' }],
  },
  {
    code: '330183',
    name: '富阳市',
    effective: '2014-12',
    basis: '国务院批复撤销县级富阳市，设立杭州市富阳区，以原富阳市的行政区域为富阳区的行政区域',
    status: 'retired',
    cityName: '杭州市',
    successors: [{ code: '330111', name: '富阳区' }],
  },
];
