import { BarChart, LineChart, PieChart } from 'echarts/charts';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

// Only the chart types and components the dashboard draws, so the bundle carries no others.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

export function EChart({ option, height, testId }: { option: ChartOption; height: number; testId?: string }) {
  // The category axis' labels on the element, for tests, which cannot read the canvas.
  const axis = Array.isArray(option.xAxis) ? option.xAxis[0] : option.xAxis;
  const categories = axis && 'data' in axis && Array.isArray(axis.data) ? axis.data.map(String).join('|') : undefined;
  return (
    <div data-testid={testId} data-categories={categories}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge lazyUpdate style={{ height, width: '100%' }} />
    </div>
  );
}
