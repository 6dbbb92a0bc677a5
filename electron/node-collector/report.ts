/**
 * The managers' report: per kiosk and per week, the kiosk dashboard's figures (worry before and
 * after with their 1–5 distributions, the paired change, helpfulness, skipped answers, "did this
 * answer your questions?", per-topic votes), as a read-only HTML page and as CSV: one table for both.
 * Comments are shown as escaped text, never as HTML.
 */
import { stringify } from 'csv-stringify/sync';
import { CSV_RULES } from '../node-core/export/csv-rules.js';
import type { ReportComment, ReportWeek } from './collector-store.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// Numbers stay numbers, so the CSV writer's formula guard leaves a negative change alone.
const mean = (value: number | null) => (value === null ? '' : Math.round(value * 100) / 100);

function topicIds(weeks: readonly ReportWeek[]): string[] {
  return [...new Set(weeks.flatMap((week) => Object.keys(week.topics)))].sort();
}

/** One header and one row per kiosk and week, the columns named in words. */
function reportTable(weeks: readonly ReportWeek[]): { header: string[]; rows: (string | number)[][] } {
  const topics = topicIds(weeks);
  const scale = (name: string) => [...[1, 2, 3, 4, 5].map((n) => `${name} ${n}`), `${name} skipped`];
  const header = [
    'kiosk',
    'week starting',
    'feedback',
    'worry before (mean)',
    'worry after (mean)',
    'both worry answers',
    'worry change (mean)',
    'helpfulness (mean)',
    ...scale('helpfulness'),
    ...scale('worry before'),
    ...scale('worry after'),
    'questions answered: yes',
    'questions answered: partly',
    'questions answered: no',
    'questions answered: skipped',
    ...topics.flatMap((topic) => [`${topic}: helpful`, `${topic}: not helpful`]),
  ];
  const rows = weeks.map((week) => [
    week.kioskId,
    week.week,
    week.feedback,
    mean(week.worryBeforeMean),
    mean(week.worryAfterMean),
    week.pairedN,
    mean(week.pairedMeanChange),
    mean(week.helpfulnessMean),
    ...week.helpfulnessCounts,
    week.skipped.helpfulness,
    ...week.worryBeforeCounts,
    week.skipped.worryBefore,
    ...week.worryAfterCounts,
    week.skipped.worryAfter,
    week.answeredQuestions.yes,
    week.answeredQuestions.partly,
    week.answeredQuestions.no,
    week.answeredQuestions.skipped,
    ...topics.flatMap((topic) => [week.topics[topic]?.yes ?? 0, week.topics[topic]?.no ?? 0]),
  ]);
  return { header, rows };
}

export function reportCsv(weeks: readonly ReportWeek[]): string {
  const { header, rows } = reportTable(weeks);
  return stringify([header, ...rows], CSV_RULES);
}

export function reportHtml(weeks: readonly ReportWeek[], comments: readonly ReportComment[]): string {
  const { header, rows } = reportTable(weeks);
  const table = weeks.length
    ? `<table><thead><tr>${header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>${rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(String(cell))}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`
    : '<p>No feedback has been synced yet.</p>';
  const commentList = comments.length
    ? `<ul>${comments.map((c) => `<li><span class="meta">${escapeHtml(c.kioskId)}, ${escapeHtml(c.createdAt)}</span><p>${escapeHtml(c.comment)}</p></li>`).join('\n')}</ul>`
    : '<p>No comments yet.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Clinic Kiosk feedback report</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:right}th{background:#f3f3f3}td:first-child,td:nth-child(2){text-align:left}.meta{color:#555;font-size:.9em}li p{margin:.2rem 0 1rem}</style>
</head><body>
<h1>Feedback report</h1>
<p>Per kiosk and week (weeks start on Monday, UTC). Worry and helpfulness are 1–5; a negative worry change means patients left less worried. <a href="report.csv">Download as CSV</a>.</p>
${table}
<h2>Latest comments</h2>
${commentList}
</body></html>
`;
}
