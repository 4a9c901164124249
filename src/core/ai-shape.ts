// What an AI shape (training by model size, inference by tokens) turns into before the estimate.
import type { AiResult, Workload } from './schemas.ts';
import type { Bounded } from './range.ts';

/** An average draw the shape worked out (never the user's), with what it was derived from. */
export interface DerivedDraw {
  /** Per GPU for the accelerators; of the whole host for the host. */
  readonly watts: Bounded;
  readonly label: string;
  readonly source: string;
  readonly powerModel: string;
}

/** What an AI shape turns into: a plain workload, how uncertain its hours are, and what it found. */
export interface AiShape {
  readonly workload: Workload;
  /** Relative bounds on the derived hours (central 1); exact hours are {1, 1, 1}. */
  readonly hoursFactor: Bounded;
  readonly result: AiResult;
  /** Draws the shape derived (inference): the estimate uses them instead of a load model. */
  readonly gpuDraw?: DerivedDraw;
  readonly hostDraw?: DerivedDraw;
  /** For per-unit figures, filled in once the estimate is known. */
  readonly outputTokens?: number;
  readonly requests?: number | null;
}
