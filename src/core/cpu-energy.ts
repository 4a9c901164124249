// CPU part of a workload: threads used and their draw on the load curve.
import type { Workload } from './schemas.ts';
import type { Cpu, Instance, Tables } from './tables.ts';
import type { Ledger } from './ledger.ts';
import type { Bounded } from './range.ts';
import { EstimateError } from './errors.ts';
import type { LoadCurvePoint } from './power.ts';
import { curveShareBetween, interpolateCurve, measuredPowerW } from './power.ts';
import { resolveCpu } from './resolve-hardware.ts';
import type { DerivedDraw } from './ai-shape.ts';

/** The CPU threads of a workload, resolved once; their draw follows from the utilisation. */
export interface CpuPlan {
  readonly id: string | null;
  readonly name: string;
  readonly threads: number;
  readonly powerModel: string;
  /** A measured draw of all the threads (user), or null: the load curve between minW and maxW. */
  readonly measured: Bounded | null;
  readonly minW: number;
  readonly maxW: number;
  /** Ceiling of one thread's central draw: its share of the chip's TDP (Infinity when not TDP-based). */
  readonly capW: number;
  /** Utilisation when the workload gives none (the default coefficient). */
  readonly defaultUtilization: number;
  readonly curve: readonly LoadCurvePoint[];
  /** The curve at idle and at full load (its share of the way from one to the other is the draw's). */
  readonly curveIdle: number;
  readonly curveFull: number;
}

/** Draw of one thread on the load curve at utilisation `u`, never above its share of the TDP. */
export function cpuCurveW(p: CpuPlan, u: number): number {
  return Math.min(
    p.capW,
    p.minW + (p.maxW - p.minW) * curveShareBetween(p.curve, p.curveIdle, p.curveFull, u),
  );
}

interface ThreadWatts {
  readonly minW: number;
  readonly maxW: number;
  readonly capW: number;
  readonly model: string;
  /** True when the watts are a share of one chip's TDP (the threads then fill whole sockets). */
  readonly perChip: boolean;
}

/** What the CPU draw rests on, recorded in `ledger`; the utilisation is applied by evaluate.ts (cpuDraw). */
export function planCpuDraw(
  w: Workload,
  instance: Instance | null,
  instanceCount: number,
  tables: Tables,
  ledger: Ledger,
  host?: DerivedDraw,
): CpuPlan | null {
  const req = w.cpu;
  if (host && !req && !instance) {
    ledger.factor({
      id: 'host_power',
      label: host.label,
      value: host.watts.central,
      unit: 'W',
      source: host.source,
      year: null,
    });
    const c = tables.datacentre.coefficients;
    return cpuPlan(
      {
        id: null,
        name: 'server host (CPU, DRAM, NIC, fans)',
        threads: 0,
        defaultUtilization: c.defaultCpuUtilization.value,
        curve: c.cpuLoadCurve.points,
      },
      host.watts,
      0,
      0,
      host.powerModel,
    );
  }
  if (!req && !instance) return null;
  const cpu = req?.model === undefined ? null : resolveCpu(req.model, tables, ['cpu', 'model']);
  // Threads per chip only as the table gives them: cores × 2 would be wrong for parts without SMT.
  const chipThreads = cpu?.threads ?? null;
  // A measured draw needs no thread count; threads then only share out embodied emissions.
  const threads =
    req?.threads ??
    (instance ? instance.vcpu * instanceCount : chipThreads) ??
    (req?.powerW !== undefined ? 0 : null);
  if (threads === null) {
    throw new EstimateError(
      'inconsistent_input',
      ['cpu', 'threads'],
      'the number of CPU threads is missing: the CPU model alone does not say how many the workload uses (cpu.threads)',
    );
  }
  if (req?.threads !== undefined)
    ledger.user('cpu_threads', 'CPU threads used', threads, 'threads');
  else if (instance) ledger.assume(`CPU threads from the instance type: ${threads} vCPUs.`);
  else if (cpu) ledger.assume(`CPU threads not given: one whole ${cpu.name} (${threads} threads).`);
  const name = cpu?.name ?? instance?.cpuName ?? 'unspecified CPU';

  const coefficients = tables.datacentre.coefficients;
  const base: CpuBase = {
    id: cpu?.id ?? null,
    name,
    threads,
    defaultUtilization: coefficients.defaultCpuUtilization.value,
    curve: coefficients.cpuLoadCurve.points,
  };
  if (req?.powerW !== undefined) {
    ledger.user('cpu_power', 'CPU average power of the threads used (measured)', req.powerW, 'W');
    return cpuPlan(base, measuredPowerW(req.powerW), 0, 0, 'measured average (user)');
  }

  const tdpThreads = chipThreads ?? (req?.tdpW !== undefined ? threads : null);
  // Without a TDP override, per-thread watts depend only on table rows: worked out once.
  const tw =
    req?.tdpW === undefined
      ? ledger.memo(
          tables.datacentre,
          `cpu-watts|${cpu?.id ?? ''}|${tdpThreads}|${instance?.id ?? ''}`,
          (l) => threadWatts(undefined, cpu, tdpThreads, instance, tables, l),
        )
      : threadWatts(req.tdpW, cpu, tdpThreads, instance, tables, ledger);
  if (tw.perChip && chipThreads !== null) {
    // Outside the memo: the sockets depend on the run's threads, the memo only on table rows.
    const sockets = Math.ceil(threads / chipThreads);
    const partial = threads % chipThreads === 0 ? '' : '; the part-used chip draws per thread';
    ledger.assume(
      `${threads} threads of ${cpu!.name} (${chipThreads} per chip): ${sockets === 1 ? 'one socket, drawing' : `${sockets} sockets, each drawing`} at most its TDP${partial}.`,
    );
  }
  const u = req?.utilization;
  if (u === undefined) {
    ledger.coefficient(
      'cpu_utilization',
      'CPU utilisation (default)',
      coefficients.defaultCpuUtilization,
    );
    ledger.assume('CPU utilisation not given: the average cloud server utilisation is used.');
  }
  // A given utilisation is the run's own input, shown in resolved.cpu.utilization, not a factor.
  return cpuPlan(base, null, tw.minW, tw.maxW, tw.model, tw.capW);
}

type CpuBase = Pick<CpuPlan, 'id' | 'name' | 'threads' | 'defaultUtilization' | 'curve'>;

/** Every CPU plan from this one object literal, so all plans have one shape (spread copies did not, and ran slower). */
function cpuPlan(
  base: CpuBase,
  measured: Bounded | null,
  minW: number,
  maxW: number,
  powerModel: string,
  capW = Infinity,
): CpuPlan {
  return {
    id: base.id,
    name: base.name,
    threads: base.threads,
    powerModel,
    measured,
    minW,
    maxW,
    capW,
    defaultUtilization: base.defaultUtilization,
    curve: base.curve,
    curveIdle: interpolateCurve(base.curve, 0),
    curveFull: interpolateCurve(base.curve, 1),
  };
}

function threadWatts(
  tdpOverride: number | undefined,
  cpu: Cpu | null,
  chipThreads: number | null,
  instance: Instance | null,
  tables: Tables,
  ledger: Ledger,
): ThreadWatts {
  const curve = tables.datacentre.coefficients.cpuLoadCurve;
  const tdp = tdpOverride ?? cpu?.tdpW;
  if (tdp !== undefined && chipThreads !== null) {
    if (tdpOverride !== undefined) ledger.user('cpu_tdp', 'CPU TDP per chip (override)', tdp, 'W');
    else
      ledger.factor({
        id: 'cpu_tdp',
        label: `${cpu!.name} TDP`,
        value: tdp,
        unit: 'W',
        source: cpu!.source,
        year: null,
      });
    if (cpu?.threads != null) {
      ledger.factor({
        id: 'cpu_threads_per_chip',
        label: `${cpu.name} threads per chip`,
        value: cpu.threads,
        unit: 'threads',
        source: cpu.threadsSource ?? cpu.source,
        year: null,
      });
    } else if (cpu) {
      ledger.assume(
        `${cpu.name}: threads per chip not in the catalogue, so cpu.tdpW is taken as the TDP of all the threads used.`,
      );
    } else {
      ledger.assume('CPU model not given: cpu.tdpW is taken as the TDP of all the threads used.');
    }
    const perThreadTdp = tdp / chipThreads;
    const full = interpolateCurve(curve.points, 1);
    ledger.factor({
      id: 'cpu_load_curve',
      label: 'CPU load curve (SPECpower-derived, share of TDP)',
      value: full,
      unit: 'fraction of TDP at 100 %',
      source: curve.source,
      year: curve.year,
    });
    if (full > 1)
      ledger.assume(
        `The load curve's ${Math.round(full * 100)} % of TDP near full load is capped at 100 %: a chip's TDP bounds its sustained draw.`,
      );
    return {
      minW: perThreadTdp * interpolateCurve(curve.points, 0),
      maxW: perThreadTdp * full,
      // The TDP is the chip's sustained power limit, so the curve's top (1.02 × TDP at 100 %) is clipped to it.
      capW: perThreadTdp,
      model: 'TDP per thread on the SPECpower load curve',
      perChip: cpu?.threads != null,
    };
  }
  if (instance && !cpu) {
    ledger.factor({
      id: 'cpu_min_watts_per_vcpu',
      label: `${instance.id} idle W per vCPU`,
      value: instance.minWattsPerVcpu,
      unit: 'W/vCPU',
      source: instance.source,
      year: null,
    });
    ledger.factor({
      id: 'cpu_max_watts_per_vcpu',
      label: `${instance.id} full-load W per vCPU`,
      value: instance.maxWattsPerVcpu,
      unit: 'W/vCPU',
      source: instance.source,
      year: null,
    });
    return {
      minW: instance.minWattsPerVcpu,
      maxW: instance.maxWattsPerVcpu,
      capW: Infinity,
      model: 'per-vCPU min–max watts (SPECpower) on the load curve',
      perChip: false,
    };
  }
  const c = tables.datacentre.coefficients;
  ledger.assume(
    cpu
      ? `${cpu.name}: threads per chip not in the catalogue, so its ${cpu.tdpW} W TDP cannot be shared out per thread; the average per-vCPU watts across server microarchitectures are used (cpu.tdpW without a model gives the TDP of all the threads used).`
      : 'CPU model not given: the average per-vCPU watts across server microarchitectures are used.',
  );
  return {
    minW: ledger.coefficient(
      'cpu_min_watts_per_vcpu',
      'average idle W per vCPU',
      c.defaultCpuWattsPerVcpuMin,
    ),
    maxW: ledger.coefficient(
      'cpu_max_watts_per_vcpu',
      'average full-load W per vCPU',
      c.defaultCpuWattsPerVcpuMax,
    ),
    capW: Infinity,
    model: 'average per-vCPU min–max watts on the load curve',
    perChip: false,
  };
}
