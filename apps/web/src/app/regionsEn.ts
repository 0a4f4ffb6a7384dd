/**
 * English names of Hainan's regions (the 31 units of `/api/taxonomy/regions`). Each is the Hanyu Pinyin of the
 * place name as the region data carries it (libs/taxonomy/data/hainan/hainan-divisions.json, `pinyin`: from
 * xiangyuecn/AreaCity-JsSpider-StatsGov, MIT), written by the rules for Chinese place names in Latin letters
 * (GB/T 16159, one word, an apostrophe before a syllable starting with a, o or e: Ding'an), followed by the unit's
 * kind in English as the provincial government's English site uses them (City left out: "Haikou").
 * Townships have no English name here: they are shown as written, as proper names.
 */
export const REGION_NAMES_EN: Record<string, string> = {
  '460000': 'Hainan Province',
  '460100': 'Haikou',
  '460200': 'Sanya',
  '460300': 'Sansha',
  '460400': 'Danzhou',
  '469001': 'Wuzhishan',
  '469002': 'Qionghai',
  '469005': 'Wenchang',
  '469006': 'Wanning',
  '469007': 'Dongfang',
  '469021': "Ding'an County",
  '469022': 'Tunchang County',
  '469023': 'Chengmai County',
  '469024': 'Lingao County',
  '469025': 'Baisha Li Autonomous County',
  '469026': 'Changjiang Li Autonomous County',
  '469027': 'Ledong Li Autonomous County',
  '469028': 'Lingshui Li Autonomous County',
  '469029': 'Baoting Li and Miao Autonomous County',
  '469030': 'Qiongzhong Li and Miao Autonomous County',
  '460105': 'Xiuying District',
  '460106': 'Longhua District',
  '460107': 'Qiongshan District',
  '460108': 'Meilan District',
  '460202': 'Haitang District',
  '460203': 'Jiyang District',
  '460204': 'Tianya District',
  '460205': 'Yazhou District',
  '460301': 'Xisha District',
  '460302': 'Nansha District',
  '460400499': 'Yangpu Economic Development Zone',
};
