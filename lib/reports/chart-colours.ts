/**
 * The fills of a chart's series, in series order: the one palette of the page's SVG charts and the
 * meeting pack's PDF charts, so a colour means the same thing on screen and on paper. Colour is
 * never the only cue: every chart has a legend and writes each value beside its bar.
 */
export const CHART_FILLS = ["#12344a", "#6fa8c7", "#b58105", "#505a5f"] as const;

export const chartFill = (series: number): string => CHART_FILLS[series % CHART_FILLS.length] ?? "#12344a";
