// The zone's hourly grid intensity (GET /v1/zones/:id/profile): from the run's start over the hours it
// may wait, with the run as given and the suggested start window shaded; without a start, the
// typical day of the month.
import type { ZoneProfile } from '../../src/service/zone-profile.ts';
import type { Suggestion } from '../../src/core/decision-schemas.ts';
import { clearChart, COLORS, drawLine, type LineWindow } from './charts.ts';
import { byId } from './dom.ts';
import { formatHour, formatNumber } from './format.ts';
import { optionTitle } from './suggest-panel.ts';
import { renderTable, type TableModel } from './tables.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MS_PER_HOUR = 3_600_000;

/** Hours of the slice to ask for: the run plus the delay it may take, within what the route serves. */
export function sliceHours(durationHours: number, delayHours: number): number {
  return Math.min(744, Math.max(24, Math.ceil(durationHours + delayHours)));
}

/** `2026-06-01T08:00:00Z` + 3 -> `06-01 11:00` (UTC). */
function hourLabel(startMs: number, offset: number): string {
  return new Date(startMs + offset * MS_PER_HOUR).toISOString().slice(5, 16).replace('T', ' ');
}

export interface ProfileView {
  note: string;
  table: TableModel;
}

/** Draws the profile; `time` is the best start option, if the search found one. */
export function renderProfile(
  profile: ZoneProfile,
  durationHours: number,
  time: Suggestion | undefined,
  month: number,
): ProfileView {
  const canvas = byId<HTMLCanvasElement>('chart-profile');
  // A zone without hourly data: no chart and no table, the reason in words (no invented daily shape).
  const box = canvas.parentElement!;
  box.style.display = profile.hourly ? '' : 'none';
  if (!profile.hourly) {
    clearChart(canvas);
    const columns = [{ label: 'Hour (UTC)' }, { label: 'gCO2e/kWh', numeric: true }];
    return {
      note: profile.reason,
      table: { id: 'hourly-profile', caption: profile.reason, columns, rows: [] },
    };
  }
  const basis = `the hourly shape of ${profile.year} scaled to the ${profile.level.year} annual average, ${formatNumber(profile.level.gCo2ePerKwh)} gCO2e/kWh`;
  const slice = profile.slice;
  if (!slice) {
    const values = profile.months[month]!;
    const labels = values.map((_, h) => formatHour(h));
    const label = `Typical ${MONTHS[month]} day, ${profile.zone}, ${profile.year}`;
    drawLine(canvas, {
      labels,
      values,
      label,
      unit: 'gCO2e/kWh',
      windows: [],
      description: `${label} (${basis}): from ${formatNumber(Math.min(...values))} to ${formatNumber(Math.max(...values))} gCO2e/kWh.`,
    });
    return {
      note: 'Give a start time (under Options) and how long the job can wait to find the cleanest start window.',
      table: profileTable(`${label} (UTC hours)`, labels, values, []),
    };
  }
  const startMs = Date.parse(slice.start);
  const labels = slice.values.map((_, i) => hourLabel(startMs, i));
  const windows: LineWindow[] = [
    {
      from: 0,
      to: Math.min(slice.hours, Math.ceil(durationHours)),
      label: 'Run as given',
      line: COLORS.asGiven,
      fill: COLORS.asGivenFill,
    },
  ];
  const offset = time?.change.start
    ? Math.round((Date.parse(time.change.start) - startMs) / MS_PER_HOUR)
    : null;
  if (offset !== null)
    windows.push({
      from: offset,
      to: Math.min(slice.hours, offset + Math.ceil(durationHours)),
      label: 'Suggested start window',
      line: COLORS.chosen,
      fill: COLORS.window,
    });
  const label = `${profile.zone}, hours of ${profile.year}`;
  drawLine(canvas, {
    labels,
    values: slice.values,
    label,
    unit: 'gCO2e/kWh',
    windows,
    description: `Grid intensity of ${label} (the same calendar hours as the run, UTC; ${basis}) over ${slice.hours} hours from ${labels[0]}${offset !== null ? `; the suggested start is ${offset} h later, at ${labels[offset] ?? ''}` : ''}.`,
  });
  const note = time
    ? `Suggested: ${optionTitle(time)}. ${time.assumption}`
    : `Starting at ${labels[0]} UTC is already the cleanest start in this window, or the search had no room.`;
  return {
    note,
    table: profileTable(
      `Grid intensity of ${label} (UTC), from ${slice.start}`,
      labels,
      slice.values,
      windows,
    ),
  };
}

function profileTable(
  caption: string,
  labels: string[],
  values: number[],
  windows: LineWindow[],
): TableModel {
  return {
    id: 'hourly-profile',
    caption,
    columns: [
      { label: 'Hour (UTC)' },
      { label: 'gCO2e/kWh', numeric: true },
      ...windows.map((w) => ({ label: w.label })),
    ],
    rows: labels.map((l, i) => [
      l,
      values[i]!,
      ...windows.map((w) => (i >= w.from && i < w.to ? 'yes' : '')),
    ]),
    highlight: windows[1]
      ? labels.map((_, i) => i).filter((i) => i >= windows[1]!.from && i < windows[1]!.to)
      : [],
  };
}

export function renderProfileTable(model: TableModel): void {
  const container = byId('table-profile');
  if (model.rows.length === 0) container.replaceChildren();
  else renderTable(container, model, true);
}
