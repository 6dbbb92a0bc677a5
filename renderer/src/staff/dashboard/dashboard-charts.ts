/**
 * Turns the kiosk's dashboard figures into charts: labels, series, a summary sentence each, and the
 * text tables. Pure: the same figures always give the same charts.
 */
import type { Dashboard } from '@common/api/staff';
import { t } from '../i18n';
import { formatDay, formatDecimal } from '../format';
import type { BarChartSpec, TableColumn } from './bar-chart';

/** One chart as BarChart.svelte draws it. */
export interface ChartView {
  title: string;
  /** A sentence that sums the chart up. */
  summary: string;
  /** The text table's first column header: what the categories are ("Day", "Topic"). */
  categoryHeader: string;
  spec: BarChartSpec;
  /** The table's other columns; by default, one per series with its values. */
  table?: TableColumn[];
  /** A figure that matters more than the chart, said in words under it. */
  note?: string;
}

const SCALE = [1, 2, 3, 4, 5] as const;
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

export function perDayChart({ perDay }: Dashboard): ChartView {
  const counts = perDay.map((day) => day.count);
  const total = sum(counts);
  const busiest = perDay.reduce((best, day) => (day.count > best.count ? day : best), perDay[0] ?? { date: '', count: 0 });
  return {
    title: t('dashboard.perDay.title'),
    summary:
      total === 0
        ? t('dashboard.none')
        : `${t('dashboard.perDay.total', { count: total })} ${t('dashboard.perDay.busiest', { day: formatDay(busiest.date), count: busiest.count })}`,
    categoryHeader: t('dashboard.perDay.day'),
    spec: { labels: perDay.map((day) => formatDay(day.date)), series: [{ label: t('dashboard.count'), values: counts, tone: 'accent' }] },
  };
}

export function helpfulnessChart({ helpfulness }: Dashboard): ChartView {
  const answered = sum(helpfulness.counts);
  const labels = SCALE.map((value) => t(`helpfulness.${value}`));
  const top = helpfulness.counts.indexOf(Math.max(...helpfulness.counts));
  return {
    title: t('dashboard.helpfulness.title'),
    summary:
      answered === 0
        ? t('dashboard.none')
        : `${t('dashboard.answeredSkipped', { count: answered, skipped: helpfulness.skipped })} ${t('dashboard.mostCommon', { answer: labels[top]! })}`,
    categoryHeader: t('dashboard.answer'),
    spec: { labels, series: [{ label: t('dashboard.count'), values: helpfulness.counts, tone: 'accent' }] },
  };
}

export function topicsChart({ topics }: Dashboard): ChartView {
  const rates = topics.map((topic) => percent(topic.yes, topic.yes + topic.no));
  const rated = topics.filter((topic) => topic.yes + topic.no > 0);
  const best = rated.reduce<(typeof topics)[number] | undefined>(
    (top, topic) => (!top || percent(topic.yes, topic.yes + topic.no) > percent(top.yes, top.yes + top.no) ? topic : top),
    undefined,
  );
  return {
    title: t('dashboard.topics.title'),
    summary: best ? t('dashboard.topics.best', { topic: best.title, rate: percent(best.yes, best.yes + best.no) }) : t('dashboard.none'),
    categoryHeader: t('dashboard.topics.topic'),
    spec: {
      labels: topics.map((topic) => topic.title),
      series: [{ label: t('dashboard.topics.rate'), values: rates, tone: 'accent' }],
      horizontal: true,
      percent: true,
    },
    table: [
      { label: t('topicHelpful.yes'), cells: topics.map((topic) => String(topic.yes)) },
      { label: t('topicHelpful.no'), cells: topics.map((topic) => String(topic.no)) },
      { label: t('dashboard.topics.rate'), cells: rates.map((rate, index) => (topics[index]!.yes + topics[index]!.no === 0 ? '–' : `${rate} %`)) },
    ],
  };
}

export function worryChart({ worry }: Dashboard): ChartView {
  const { paired } = worry;
  const mean = (value: number | null) => (value === null ? t('dashboard.noAnswers') : formatDecimal(value));
  return {
    title: t('dashboard.worry.title'),
    summary: t('dashboard.worry.means', { before: mean(worry.before.mean), after: mean(worry.after.mean) }),
    categoryHeader: t('dashboard.answer'),
    spec: {
      labels: SCALE.map((value) => t(`worry.${value}`)),
      series: [
        { label: t('dashboard.worry.before'), values: worry.before.counts, tone: 'muted' },
        { label: t('dashboard.worry.after'), values: worry.after.counts, tone: 'accent' },
      ],
    },
    // The clinic's main outcome figure: how worry changed for the people who answered both times.
    note:
      paired.n === 0 || paired.meanChange === null
        ? t('dashboard.worry.pairedNone')
        : t('dashboard.worry.paired', { count: paired.n, change: formatDecimal(paired.meanChange, true) }),
  };
}

export function answeredChart({ answeredQuestions: answered }: Dashboard): ChartView {
  const keys = ['yes', 'partly', 'no'] as const;
  const values = keys.map((key) => answered[key]);
  return {
    title: t('answered.question'),
    summary:
      sum(values) === 0
        ? t('dashboard.none')
        : t('dashboard.answered.summary', { yes: answered.yes, partly: answered.partly, no: answered.no, skipped: answered.skipped }),
    categoryHeader: t('dashboard.answer'),
    spec: { labels: keys.map((key) => t(`answered.${key}`)), series: [{ label: t('dashboard.count'), values, tone: 'accent' }] },
  };
}
