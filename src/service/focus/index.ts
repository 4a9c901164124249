// FOCUS billing exports -> energy and CO2e per row, service, region and month; browser-safe (no Node APIs).
export {
  readFocusHeader,
  focusCellsRead,
  FocusHeaderError,
  FOCUS_REQUIRED_COLUMNS,
} from './columns.ts';
export type { FocusColumns, FocusVersion } from './columns.ts';
export { createFocusRun } from './run.ts';
export type { FocusOptions, FocusRowResult, FocusRun } from './run.ts';
export {
  focusSummarySchema,
  focusGroupSchema,
  focusMoveSchema,
  FocusGroupKey as focusGroupKeySchema,
} from './summary-schema.ts';
export type { FocusSummary, FocusGroup, FocusMove, FocusGroupKey } from './summary-schema.ts';
export { FOCUS_ROW_CSV_HEADER, focusRowCsvLine, safeCsvText, formatSig4 } from './row-csv.ts';
export { writeFactorTables } from './factor-tables.ts';
export type { FactorTables } from './factor-tables.ts';
export { FOOTPRINT_SQL } from './footprint-sql.ts';
