/** Administrative areas (GB/T 2260) the bureau's officers work in, for display beside the code. */
const AREAS: Record<string, { zh: string; en: string }> = {
  '330000': { zh: '浙江省', en: 'Zhejiang' },
  '330100': { zh: '杭州市', en: 'Hangzhou' },
  '330102': { zh: '上城区', en: 'Shangcheng' },
  '330105': { zh: '拱墅区', en: 'Gongshu' },
  '330106': { zh: '西湖区', en: 'Xihu' },
  '330108': { zh: '滨江区', en: 'Binjiang' },
  '330109': { zh: '萧山区', en: 'Xiaoshan' },
  '330110': { zh: '余杭区', en: 'Yuhang' },
  '330111': { zh: '富阳区', en: 'Fuyang' },
  '330112': { zh: '临安区', en: "Lin'an" },
  '330113': { zh: '临平区', en: 'Linping' },
  '330114': { zh: '钱塘区', en: 'Qiantang' },
  '330122': { zh: '桐庐县', en: 'Tonglu' },
  '330127': { zh: '淳安县', en: "Chun'an" },
  '330182': { zh: '建德市', en: 'Jiande' },
};

/** The districts and counties of a city (`330100`), by code. */
export const districtsOf = (city: string): string[] =>
  Object.keys(AREAS).filter((code) => code.startsWith(city.slice(0, 4)) && !code.endsWith('00'));

/** "滨江区 330108" for a known code, the code alone otherwise. */
export const areaLabel = (code: string, language: string): string => {
  const area = AREAS[code];
  return area ? `${area[language === 'en' ? 'en' : 'zh']} ${code}` : code;
};
