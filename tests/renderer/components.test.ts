import { Chart } from 'chart.js';
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import TopicHelpful from '../../renderer/src/components/feedback/TopicHelpful.svelte';
import { t } from '../../renderer/src/lib/i18n/i18n.svelte';
import BarChart from '../../renderer/src/staff/dashboard/BarChart.svelte';
import type { ChartView } from '../../renderer/src/staff/dashboard/dashboard-charts';

afterEach(() => {
  document.documentElement.style.fontSize = '';
});

describe('TopicHelpful', () => {
  it('answers yes or no, shows the answer pressed, and lets the patient change it', async () => {
    const answers: boolean[] = [];
    const screen = await render(TopicHelpful, { answer: undefined, onAnswer: (helpful: boolean) => answers.push(helpful) });
    const group = screen.getByRole('group', { name: t('topicHelpful.question') });
    const yes = group.getByRole('button', { name: t('topicHelpful.yes'), exact: true });
    const no = group.getByRole('button', { name: t('topicHelpful.no'), exact: true });
    await expect.element(yes).toHaveAttribute('aria-pressed', 'false');

    await yes.click();
    await screen.rerender({ answer: true });
    await expect.element(yes).toHaveAttribute('aria-pressed', 'true');
    await no.click();
    await screen.rerender({ answer: false });
    await expect.element(no).toHaveAttribute('aria-pressed', 'true');
    await expect.element(yes).toHaveAttribute('aria-pressed', 'false');
    expect(answers).toEqual([true, false]);
  });
});

describe('BarChart', () => {
  const view: ChartView = {
    title: 'Feedback per day',
    summary: '5 in the last 3 days.',
    categoryHeader: 'Day',
    spec: { labels: ['Mon', 'Tue', 'Wed'], series: [{ label: 'Feedback', values: [1, 0, 4], tone: 'accent' }] },
  };

  /** The font size Chart.js draws the axis labels with, in px. */
  async function tickFontSize(): Promise<number> {
    const screen = await render(BarChart, view);
    const canvas = screen.container.querySelector('canvas')!;
    const size = (Chart.getChart(canvas)!.options.scales!.y!.ticks!.font as { size: number }).size;
    await screen.unmount();
    return size;
  }

  it('draws its text at the text size the patient chose, like the rest of the page', async () => {
    expect(await tickFontSize()).toBe(20); // 1.25 rem at the normal size
    document.documentElement.style.fontSize = '150%';
    expect(await tickFontSize()).toBe(30);
  });

  it('gives screen readers the numbers as a table', async () => {
    const screen = await render(BarChart, view);
    const table = screen.getByRole('table', { name: 'Feedback per day' });
    await expect.element(table.getByRole('row', { name: 'Wed 4' })).toBeInTheDocument();
  });
});
