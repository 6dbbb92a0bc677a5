/**
 * Bar charts with Chart.js, registering only the parts a bar chart needs (so the rest of the
 * library is left out of the bundle). Charts are still pictures: no animation (nothing moves, with
 * or without reduced motion), no hover or tooltips; the numbers are in each chart's text table.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale } from 'chart.js';
import type { Attachment } from 'svelte/attachments';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend);

export interface BarSeries {
  label: string;
  values: number[];
  tone: 'accent' | 'muted';
}

export interface BarChartSpec {
  /** Category names, one per bar (or group of bars). */
  labels: string[];
  series: BarSeries[];
  /** Bars run left to right, categories down the side (for long names such as topic titles). */
  horizontal?: boolean;
  /** Values are percentages: the axis runs 0–100 %. */
  percent?: boolean;
}

/** A column of a chart's text table (BarChart.svelte). */
export interface TableColumn {
  label: string;
  cells: string[];
}

const LABEL_CHARACTERS = 30;
/** Chart text in rem, like the rest of the UI, so it follows the patient's text size: 20 px at normal size. */
const CHART_TEXT_REM = 1.25;

/** Splits a long category name into lines, so it fits beside a horizontal bar. */
export function wrapLabel(text: string, width = LABEL_CHARACTERS): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + word.length + 1 <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export function barChart(spec: BarChartSpec): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    const style = getComputedStyle(canvas);
    const colour = (name: string) => style.getPropertyValue(name).trim();
    const tones = { accent: colour('--accent'), muted: colour('--text-muted') };
    const text = colour('--text');
    // A canvas is not styled by CSS: its text takes the root font size in pixels, read when drawn.
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    const font = { family: style.fontFamily, size: CHART_TEXT_REM * rem };
    const valueAxis = {
      beginAtZero: true,
      max: spec.percent ? 100 : undefined,
      grid: { color: colour('--line') },
      ticks: {
        precision: 0,
        stepSize: spec.percent ? 20 : undefined,
        color: text,
        font,
        callback: (value: string | number) => (spec.percent ? `${value} %` : value),
      },
    };
    const categoryAxis = { grid: { display: false }, ticks: { color: text, font, autoSkip: !spec.horizontal } };

    const chart = new Chart<'bar', number[], string | string[]>(canvas, {
      type: 'bar',
      data: {
        labels: spec.horizontal ? spec.labels.map((label) => wrapLabel(label)) : spec.labels,
        datasets: spec.series.map((series) => ({ label: series.label, data: [...series.values], backgroundColor: tones[series.tone], borderRadius: 6 })),
      },
      options: {
        indexAxis: spec.horizontal ? 'y' : 'x',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        events: [],
        plugins: { legend: { display: spec.series.length > 1, labels: { color: text, font } } },
        scales: spec.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      },
    });
    return () => chart.destroy();
  };
}
