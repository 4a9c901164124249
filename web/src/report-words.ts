// The printed report's words for the request actually sent: a name for the workload and each input
// as a sentence fragment ("8 × NVIDIA H100 SXM5 80GB at 70 % utilisation"), never as `gpu.count = 8`.
import type { EstimateResult } from '../../src/core/schemas.ts';
import { formatNumber, formatPercent, formatUtc } from './format.ts';
import { countInWords, modelName, sizeWords } from './report-format.ts';

type Body = Record<string, unknown>;

function obj(value: unknown): Body {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Body)
    : {};
}

const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const hours = (h: number) => `${formatNumber(h)} ${h === 1 ? 'hour' : 'hours'}`;
const utilisation = (u: number | null) => (u === null ? '' : ` at ${formatPercent(u)} utilisation`);

/** One input in words: what it is, and what was sent (named as the answer resolved it). */
export interface InputLine {
  label: string;
  text: string;
}

/** Every field of the request body, in words; fields the report does not know are still listed. */
export function describeInputs(
  body: Body,
  result: EstimateResult,
  delayHours: string | undefined,
): InputLine[] {
  const r = result.resolved;
  const lines: InputLine[] = [];
  const add = (label: string, text: string) => lines.push({ label, text });
  const known = new Set<string>();
  const take = (key: string) => {
    known.add(key);
    return body[key];
  };
  if (take('location') !== undefined) add('Location', locationWords(result));
  const instance = obj(take('instance'));
  if (str(instance.type))
    add(
      'Cloud instance',
      `${formatNumber(num(instance.count) ?? 1)} × ${str(instance.type)}` +
        (r.instance
          ? ` (${r.instance.vcpu} vCPU, ${formatNumber(r.instance.memoryGb)} GB memory each)`
          : ''),
    );
  const gpu = obj(take('gpu'));
  if (Object.keys(gpu).length > 0) add('GPUs', gpuWords(gpu, result));
  const cpu = obj(take('cpu'));
  if (Object.keys(cpu).length > 0) add('CPU', cpuWords(cpu, result));
  const memory = num(take('memoryGb'));
  if (memory !== null) add('Memory', `${formatNumber(memory)} GB`);
  const duration = num(take('durationHours'));
  if (duration !== null) add('Duration', hours(duration));
  const ai = obj(take('ai'));
  if (ai.task === 'training') add('AI training', trainingWords(ai));
  if (ai.task === 'inference') add('AI inference', inferenceWords(ai));
  if (duration === null)
    add('Duration', `not given: ${hours(result.durationHours)}, as worked out from the workload`);
  const storage = obj(take('storage'));
  if (Object.keys(storage).length > 0) add('Storage', storageWords(storage));
  const network = num(take('networkGb'));
  if (network !== null) add('Network transfer', `${formatNumber(network)} GB`);
  const start = str(take('start'));
  if (start) add('Start', formatUtc(start));
  if (delayHours && Number(delayHours) > 0)
    add('Flexibility', `may start up to ${hours(Number(delayHours))} later`);
  const pue = num(take('pue'));
  if (pue !== null) add('PUE', `${formatNumber(pue)}, as given`);
  const intensity = num(take('gridIntensity'));
  if (intensity !== null) add('Grid intensity', `${formatNumber(intensity)} gCO2e/kWh, as given`);
  const year = num(take('year'));
  if (year !== null) add('Grid data year', String(year));
  const renewable = num(take('renewableShare'));
  if (renewable !== null) add('Contracted renewable share', formatPercent(renewable));
  const unit = obj(take('functionalUnit'));
  if (str(unit.name))
    add('Functional unit', `${str(unit.name)} (${countInWords(num(unit.count) ?? 1)} in all)`);
  if (take('embodied') === false) add('Embodied emissions', 'left out, as asked');
  for (const [key, value] of Object.entries(body))
    if (!known.has(key))
      add(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  return lines;
}

function locationWords(result: EstimateResult): string {
  const l = result.resolved.location;
  const id = l.regionId ?? l.zone ?? l.countryIso2 ?? l.input;
  const zone = l.zone && l.zone !== id ? `, grid zone ${l.zone}` : '';
  return l.name === id ? `${id}${zone}` : `${l.name} (${id}${zone})`;
}

function gpuWords(gpu: Body, result: EstimateResult): string {
  const resolved = result.resolved.gpu;
  const name = resolved?.name ?? str(gpu.model) ?? 'GPU';
  const given = num(gpu.count);
  const count =
    given !== null
      ? `${formatNumber(given)} × `
      : resolved
        ? `${formatNumber(resolved.count)} × (count from the ${result.resolved.instance ? 'instance' : 'model'}) `
        : '';
  const parts = [`${count}${name}${utilisation(num(gpu.utilization))}`];
  const power = num(gpu.powerW);
  if (power !== null) parts.push(`measured draw ${formatNumber(power)} W each`);
  const rated = num(gpu.maxPowerW);
  if (rated !== null) parts.push(`rated power set to ${formatNumber(rated)} W`);
  return parts.join(', ');
}

function cpuWords(cpu: Body, result: EstimateResult): string {
  const name = result.resolved.cpu?.name ?? str(cpu.model) ?? 'CPU';
  const threads = num(cpu.threads);
  const parts = [
    `${name}${threads !== null ? `, ${formatNumber(threads)} threads` : ''}${utilisation(num(cpu.utilization))}`,
  ];
  const tdp = num(cpu.tdpW);
  if (tdp !== null) parts.push(`TDP set to ${formatNumber(tdp)} W`);
  const power = num(cpu.powerW);
  if (power !== null) parts.push(`measured draw ${formatNumber(power)} W`);
  return parts.join(', ');
}

function trainingWords(ai: Body): string {
  const parts = [
    `a ${sizeWords(num(ai.parameters) ?? 0)}-parameter model on ${countInWords(num(ai.tokens) ?? 0)} tokens`,
  ];
  const active = num(ai.activeParameters);
  if (active !== null) parts.push(`${countInWords(active)} active parameters`);
  const mfu = num(ai.mfu);
  if (mfu !== null) parts.push(`model FLOPs utilisation ${formatPercent(mfu)}`);
  if (str(ai.precision)) parts.push(`${str(ai.precision)} precision`);
  return parts.join(', ');
}

function inferenceWords(ai: Body): string {
  const parts: string[] = [];
  const requests = num(ai.requests);
  const sent = str(ai.model);
  const model = sent ? modelName(sent) : null;
  if (requests !== null)
    parts.push(`${countInWords(requests)} requests${model ? ` to ${model}` : ''}`);
  else if (model) parts.push(`model ${model}`);
  const params = num(ai.parameters);
  if (params !== null) parts.push(`${countInWords(params)} parameters`);
  const input = num(ai.inputTokens);
  const output = num(ai.outputTokens);
  if (input !== null) parts.push(`${countInWords(input)} input tokens`);
  if (output !== null) parts.push(`${countInWords(output)} output tokens`);
  const batch = num(ai.batchSize);
  if (batch !== null) parts.push(`batch size ${formatNumber(batch)}`);
  if (str(ai.precision)) parts.push(`${str(ai.precision)} weights`);
  return parts.join(', ');
}

function storageWords(storage: Body): string {
  const parts: string[] = [];
  const ssd = num(storage.ssdTb);
  const hdd = num(storage.hddTb);
  if (ssd !== null) parts.push(`${formatNumber(ssd)} TB SSD`);
  if (hdd !== null) parts.push(`${formatNumber(hdd)} TB HDD`);
  const copies = num(storage.replication);
  if (copies !== null) parts.push(`${formatNumber(copies)} copies`);
  return parts.join(', ');
}

/** The report's title line: the preset's name, or the workload said in a few words. */
export function workloadName(
  body: Body,
  result: EstimateResult,
  presetName: string | undefined,
): string {
  if (presetName) return presetName;
  const r = result.resolved;
  const gpu = r.gpu ? `${formatNumber(r.gpu.count)} × ${r.gpu.name}` : null;
  const instance = r.instance ? `${formatNumber(r.instance.count)} × ${r.instance.id}` : null;
  const machine = gpu ?? instance ?? r.cpu?.name ?? 'Compute';
  const ai = obj(body.ai);
  const where = ` in ${r.location.name}`;
  if (ai.task === 'training')
    return `Training a ${sizeWords(num(ai.parameters) ?? 0)}-parameter model on ${machine}${where}`;
  if (ai.task === 'inference') {
    const requests = num(ai.requests);
    const what = requests !== null ? `${countInWords(requests)} requests` : 'Inference';
    const model = str(ai.model);
    return `${what}${model ? ` to ${modelName(model)}` : ''} on ${machine}${where}`;
  }
  return `${machine} for ${hours(result.durationHours)}${where}`;
}
