// Sweep benchmark: one workload over every region (compareRegions), median over many runs.
// `npm run bench:sweep`; prints figures only, asserts nothing.
import { compareRegions } from '../src/core/compare.ts';
import { estimate } from '../src/core/estimate.ts';
import { Workload } from '../src/core/schemas.ts';
import { tables } from '../src/data/index.ts';

const workload = Workload.parse({
  location: 'aws:us-east-1',
  durationHours: 36,
  gpu: { model: 'H100 SXM', count: 8, utilization: 0.9 },
  cpu: { model: 'AMD EPYC 9654', threads: 96, utilization: 0.5 },
  memoryGb: 2048,
  storage: { ssdTb: 30, replication: 2 },
  networkGb: 500,
});

function medianMs(runs: number, f: () => unknown): number {
  for (let i = 0; i < Math.min(runs, 200); i++) f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

const regionIds = [...tables.regions.keys()];
const sweep = medianMs(2000, () => compareRegions(workload, tables, { top: 10, rankBy: 'location' }));
const withHardware = medianMs(500, () => compareRegions(workload, tables, { top: 10, rankBy: 'location', hardware: ['B200', 'A100', 'H200', 'MI300X'] }));
const naive = medianMs(200, () => regionIds.map((location) => estimate({ ...workload, location }, tables)));

console.log(`regions: ${regionIds.length}`);
console.log(`compareRegions, all regions:              median ${sweep.toFixed(3)} ms`);
console.log(`compareRegions, all regions × 5 GPUs:     median ${withHardware.toFixed(3)} ms`);
console.log(`estimate() once per region (reference):   median ${naive.toFixed(3)} ms`);
