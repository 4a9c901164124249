// The workload form: its state as flat dotted names (`gpu.count`), the workload it sends, and the
// API's errors shown next to the field their `path` names.
import type { ProblemItem } from './api.ts';
import { formatNumber, formatUtc } from './format.ts';

/** Flat form state: dotted workload paths plus page parameters (`preset`, `delayHours`). */
export type FormState = Record<string, string>;

/** Controls that are page parameters, not workload fields. */
const PAGE_PARAMS = new Set(['preset', 'delayHours', 'compareProvider']);

type Control = HTMLInputElement | HTMLSelectElement;

function controls(form: HTMLFormElement): Control[] {
  return [...form.elements].filter(
    (el): el is Control =>
      (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) && el.name !== '',
  );
}

/** Current values of every enabled named control (empty ones left out; `embodied` only when off). */
export function readForm(form: HTMLFormElement, extras: FormState): FormState {
  const state: FormState = { ...extras };
  for (const el of controls(form)) {
    if (el.disabled) continue;
    if (el instanceof HTMLInputElement && el.type === 'checkbox') {
      if (!el.checked) state[el.name] = 'false';
      continue;
    }
    const value = el.value.trim();
    if (value !== '') state[el.name] = value;
  }
  return state;
}

/** Sets the form to exactly `state`: controls it does not name are emptied; unknown names are returned. */
export function writeForm(form: HTMLFormElement, state: FormState): FormState {
  const extras: FormState = { ...state };
  for (const el of controls(form)) {
    if (el instanceof HTMLInputElement && el.type === 'checkbox')
      el.checked = state[el.name] !== 'false';
    else el.value = state[el.name] ?? '';
    delete extras[el.name];
  }
  syncTask(form);
  return extras;
}

/** Shows only the AI fieldset of the chosen task; a hidden fieldset is disabled so it sends nothing. */
export function syncTask(form: HTMLFormElement): void {
  const task = (form.elements.namedItem('ai.task') as HTMLSelectElement | null)?.value ?? '';
  for (const fs of form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-task]')) {
    const active = fs.dataset.task === task;
    fs.hidden = !active;
    fs.disabled = !active;
  }
}

/** The state that is actually sent: no `ai.*` left over once the size is given by hours. */
export function pruneState(state: FormState): FormState {
  if (state['ai.task']) return { ...state };
  return Object.fromEntries(Object.entries(state).filter(([name]) => !name.startsWith('ai.')));
}

function flatten(value: unknown, prefix = ''): [string, unknown][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    flatten(child, prefix ? `${prefix}.${key}` : key),
  );
}

/** Each field of the body sent, in words: the form's own label and the value as shown there. */
export function describeSent(form: HTMLFormElement, workload: Record<string, unknown>): string[] {
  const all = controls(form);
  return flatten(workload).map(([path, value]) => {
    const el = all.find((c) => c.name === path);
    const label = el?.labels?.[0]?.textContent?.trim() ?? path;
    if (path === 'embodied') return value === false ? 'embodied emissions excluded' : label;
    let shown: string;
    if (el instanceof HTMLSelectElement && el.value === String(value))
      shown = el.selectedOptions[0]?.textContent ?? String(value);
    else if (path === 'start') shown = formatUtc(String(value));
    else if (typeof value === 'number') shown = formatNumber(value);
    else shown = String(value);
    return `${label}: ${shown}`;
  });
}

/** The request body of `POST /v1/estimate` for a form state. */
export function toWorkload(state: FormState): Record<string, unknown> {
  const workload: Record<string, unknown> = {};
  const task = state['ai.task'];
  for (const [name, raw] of Object.entries(state)) {
    if (PAGE_PARAMS.has(name)) continue;
    if (name.startsWith('ai.') && !task) continue;
    setPath(workload, name.split('.'), parseValue(name, raw));
  }
  return workload;
}

/** A workload (e.g. a preset's) as form state. */
export function fromWorkload(workload: Record<string, unknown>, prefix = ''): FormState {
  const state: FormState = {};
  for (const [key, value] of Object.entries(workload)) {
    const name = prefix + key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      Object.assign(state, fromWorkload(value as Record<string, unknown>, name + '.'));
    else if (value !== undefined)
      state[name] = name === 'start' ? toLocalInput(String(value)) : String(value);
  }
  return state;
}

const TEXT_FIELDS = new Set([
  'location',
  'instance.type',
  'gpu.model',
  'cpu.model',
  'ai.task',
  'ai.model',
  'ai.precision',
  'functionalUnit.name',
]);

function parseValue(name: string, raw: string): unknown {
  if (name === 'start') return fromLocalInput(raw);
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (TEXT_FIELDS.has(name)) return raw;
  const n = Number(raw);
  return raw !== '' && Number.isFinite(n) ? n : raw;
}

function setPath(target: Record<string, unknown>, keys: string[], value: unknown): void {
  const [head, ...rest] = keys;
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const child = (target[head] ??= {}) as Record<string, unknown>;
  setPath(child, rest, value);
}

/** `datetime-local` holds no zone; the form states UTC, so `2026-03-01T14:00` -> `2026-03-01T14:00:00Z`. */
function fromLocalInput(value: string): string {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(value) ? `${value}:00Z` : value;
}

function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 16);
}

/** Query string of a state, in the form's order, so a shared link reads like the form. */
export function toQuery(state: FormState): string {
  return new URLSearchParams(Object.entries(state)).toString();
}

export function fromQuery(search: string): FormState {
  return Object.fromEntries(new URLSearchParams(search));
}

/** The control an error path names: itself, else its first enabled child field, else its parent's. */
export function findControl(form: HTMLFormElement, path: string): Control | null {
  const all = controls(form).filter((el) => !el.disabled);
  for (let p = path; p !== ''; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const hit = all.find((el) => el.name === p) ?? all.find((el) => el.name.startsWith(p + '.'));
    if (hit) return hit;
  }
  return null;
}

/** Removes every field error and the summary. */
export function clearErrors(form: HTMLFormElement): void {
  for (const el of form.querySelectorAll<Control>('[aria-invalid="true"]')) {
    el.removeAttribute('aria-invalid');
    const before = el.dataset.describedby;
    if (before) el.setAttribute('aria-describedby', before);
    else el.removeAttribute('aria-describedby');
    delete el.dataset.describedby;
  }
  for (const p of form.querySelectorAll('.field-error')) p.remove();
  const summary = form.querySelector<HTMLElement>('#form-errors');
  if (summary) {
    summary.hidden = true;
    summary.replaceChildren();
  }
}

/** Marks each named field invalid with the API's message beside it, and lists all of them on top. */
export function showErrors(
  form: HTMLFormElement,
  detail: string,
  errors: readonly ProblemItem[],
): void {
  clearErrors(form);
  const summary = form.querySelector<HTMLElement>('#form-errors');
  const list = document.createElement('ul');
  for (const error of errors) {
    const el = findControl(form, error.path);
    const item = document.createElement('li');
    if (el) {
      const message = attachError(el, error);
      const link = document.createElement('a');
      link.href = `#${el.id}`;
      link.textContent = message;
      // The field and its message scrolled into view clear of the sticky Estimate bar (scroll-margin), URL untouched.
      link.addEventListener('click', (event) => {
        event.preventDefault();
        (el.closest('.field') ?? el).scrollIntoView({ block: 'nearest' });
        el.focus({ preventScroll: true });
      });
      item.append(link);
    } else {
      item.textContent = error.path ? `${error.path}: ${error.message}` : error.message;
    }
    list.append(item);
  }
  if (!summary) return;
  const heading = document.createElement('h2');
  heading.textContent =
    errors.length > 1 ? `${errors.length} values need attention` : 'A value needs attention';
  const lead = document.createElement('p');
  lead.textContent = detail;
  summary.replaceChildren(heading, ...(errors.length === 0 ? [lead] : [list]));
  summary.hidden = false;
  summary.focus();
}

function attachError(el: Control, error: ProblemItem): string {
  const id = `err-${el.id}`;
  let p = document.getElementById(id);
  if (!p) {
    p = document.createElement('p');
    p.id = id;
    p.className = 'field-error';
    (el.closest('.field') ?? el.parentElement)?.append(p);
  }
  p.textContent = p.textContent ? `${p.textContent} ${error.message}` : error.message;
  if (el.getAttribute('aria-invalid') !== 'true') {
    el.dataset.describedby = el.getAttribute('aria-describedby') ?? '';
    el.setAttribute('aria-describedby', [el.dataset.describedby, id].filter(Boolean).join(' '));
    el.setAttribute('aria-invalid', 'true');
  }
  const label = el.labels?.[0]?.textContent ?? error.path;
  return `${label}: ${error.message}`;
}
