import { useMemo } from 'react';
import { format, registerMap, use } from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { GraphicComponent, VisualMapContinuousComponent } from 'echarts/components';
import { useTranslation } from 'react-i18next';
import { colon, formatNumber } from '../../app/format';
import { Chart, ChartOption } from './Chart';
// City and county boundaries from Apache ECharts 4.9.0 (map/json/province/hainan.json, Apache-2.0), decoded to plain
// GeoJSON with region codes by apps/web/scripts/hainan-geojson.mjs; see hainan.geo.NOTICE. Part of this lazily loaded
// chunk of the administrators' dashboard only.
import hainan from './hainan.geo.json';
import type { DemandGroup } from '../../api/types';
import { regionName } from '../../app/taxonomy';

use([MapChart, GraphicComponent, VisualMapContinuousComponent]);

/** 三沙市: the South China Sea islands, drawn in their own framed inset. */
const SANSHA = '460300';
type Feature = (typeof hainan.features)[number];
/** What the map shows of a region (from GET /api/demand/summary?by=region). */
export type RegionFigures = Pick<DemandGroup, 'key' | 'name' | 'openPositions' | 'shortages' | 'seekers' | 'demandSupplyRatio'>;
const collection = (features: Feature[]) => ({ type: 'FeatureCollection', features }) as unknown as Parameters<typeof registerMap>[1];
registerMap('hainan-island', collection(hainan.features.filter((f) => f.properties.code !== SANSHA)));
registerMap('hainan-sansha', collection(hainan.features.filter((f) => f.properties.code === SANSHA)));

const NAME_BY_CODE = new Map(hainan.features.map((f) => [f.properties.code, f.properties.name]));
const CODE_BY_NAME = new Map(hainan.features.map((f) => [f.properties.name, f.properties.code]));

interface MapDatum {
  name: string;
  value: number;
  code: string;
  label: string;
  shortages: number | null;
  ratio: number | null;
}

/** The inset box of 三沙, at the bottom right; its caption may take two lines (English). */
const INSET = { width: 112, height: 210, margin: 8, caption: 36 };

/**
 * Open positions on a map of Hainan by city and county (the dashboard's figures are rolled up to 海口, 三亚 and 三沙),
 * with 三沙 in a framed inset box labelled 南海诸岛; one colour scale for both, 求人倍率 in the tooltip. Regions missing
 * from `groups` count as 0 when `complete` (the whole province was asked for), as no data otherwise.
 */
export default function RegionMap({ groups, complete, onSelect }: { groups: RegionFigures[]; complete: boolean; onSelect?(code: string): void }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const positions = t('dashboard.openPositions');
    const ratio = t('dashboard.ratio');
    const shortages = t('dashboard.shortages');
    const byCode = new Map(groups.map((g) => [g.key, g]));
    const data: MapDatum[] = [...NAME_BY_CODE].flatMap(([code, name]) => {
      const g = byCode.get(code);
      if (!g && !complete) return [];
      return [{ name, code, label: regionName(code, g?.name ?? name), value: g?.openPositions ?? 0, shortages: g?.shortages ?? 0, ratio: g?.demandSupplyRatio ?? null }];
    });
    const max = Math.max(1, ...data.map((d) => d.value));
    const common = {
      type: 'map',
      roam: false,
      selectedMode: false,
      label: { show: false },
      itemStyle: { areaColor: '#f0f0f0', borderColor: '#8c8c8c', borderWidth: 0.6 },
      emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd666' } },
    };
    const { width, height, margin, caption } = INSET;
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; data?: MapDatum }) => {
          const d = p.data;
          const lines = [
            `<strong>${format.encodeHTML(d?.label ?? p.name)}</strong>`,
            `${format.encodeHTML(positions)}${colon()}${formatNumber(d?.value ?? null)}`,
            `${format.encodeHTML(shortages)}${colon()}${formatNumber(d?.shortages ?? null)}`,
            `${format.encodeHTML(ratio)}${colon()}${formatNumber(d?.ratio ?? null, 2)}`,
          ];
          return lines.join('<br/>');
        },
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max,
        seriesIndex: [0, 1],
        left: 8,
        bottom: 8,
        itemWidth: 12,
        itemHeight: 110,
        text: [t('dashboard.mapHigh'), t('dashboard.mapLow')],
        calculable: false,
        inRange: { color: ['#e3eefb', '#6aa3e8', '#0b57b8', '#062f66'] },
        textStyle: { color: '#262626' },
      },
      graphic: [
        {
          type: 'group',
          right: margin,
          bottom: margin,
          silent: true,
          children: [
            { type: 'rect', shape: { x: 0, y: 0, width, height }, style: { fill: '#ffffff', stroke: '#595959', lineWidth: 1 } },
            {
              type: 'text',
              x: width / 2,
              y: height - 6,
              style: {
                text: t('dashboard.southChinaSeaIslands'), align: 'center', verticalAlign: 'bottom', fill: '#262626', fontSize: 12, lineHeight: 14,
                width: width - 8, overflow: 'break',
              },
            },
          ],
        },
      ],
      series: [
        { ...common, name: positions, map: 'hainan-island', aspectScale: 0.95, left: 80, right: width + margin * 3, top: 8, bottom: 8, data: data.filter((d) => d.code !== SANSHA) },
        {
          ...common,
          name: positions,
          map: 'hainan-sansha',
          aspectScale: 0.98,
          right: margin + 6,
          bottom: margin + caption,
          width: width - 12,
          height: height - caption - 8,
          z: 3,
          // The islands are tiny at this scale: a darker outline keeps them visible.
          itemStyle: { ...common.itemStyle, borderWidth: 1.2, borderColor: '#595959' },
          data: data.filter((d) => d.code === SANSHA),
        },
      ],
    };
  }, [groups, complete, t]);

  const select = (event: { name?: string; data?: unknown }) => {
    const code = (event.data as MapDatum | undefined)?.code ?? (event.name ? CODE_BY_NAME.get(event.name) : undefined);
    if (code) onSelect?.(code);
  };
  return <Chart label={t('dashboard.regionMap')} option={option} height={420} onClick={onSelect ? select : undefined} />;
}
