// The header of a FOCUS export: which columns sit where, and which FOCUS version's column set it is.
import { GridshiftError } from '../problem.ts';

export type FocusVersion = '1.0' | '1.1' | '1.2';

/** Column name -> index in a row (-1 when absent and optional). */
export interface FocusColumns {
  readonly version: FocusVersion;
  /** Cells a header has: a row with fewer cells than a required index is refused per row. */
  readonly width: number;
  readonly provider: number;
  readonly billedCost: number;
  readonly chargeCategory: number;
  readonly chargeDescription: number;
  readonly chargePeriodStart: number;
  readonly consumedQuantity: number;
  readonly consumedUnit: number;
  readonly regionId: number;
  /** Optional: read when RegionId is NULL (Oracle writes its region id here). */
  readonly regionName: number;
  readonly serviceName: number;
  readonly subAccountId: number;
  readonly id: number;
  readonly tags: number;
  readonly skuId: number;
  readonly serviceCategory: number;
  readonly subAccountName: number;
  readonly billingCurrency: number;
}

/** Columns every FOCUS version (1.0–1.2) defines that the mapping reads; the provider's is apart. */
export const FOCUS_REQUIRED_COLUMNS = [
  'BilledCost',
  'ChargeCategory',
  'ChargeDescription',
  'ChargePeriodStart',
  'ConsumedQuantity',
  'ConsumedUnit',
  'RegionId',
  'ServiceName',
  'SubAccountId',
] as const;

// Columns that first appear in a version (FOCUS_Spec releases): the newest present names the version.
const SINCE_1_2 = ['ServiceProviderName', 'HostProviderName', 'InvoiceId'];
const SINCE_1_1 = ['SkuMeter', 'ServiceSubcategory', 'CapacityReservationId', 'SkuPriceDetails'];

/** A FocusHeaderError is the 422 `not_focus` problem, with the missing columns listed. */
export class FocusHeaderError extends GridshiftError {
  readonly missing: readonly string[];
  constructor(missing: readonly string[]) {
    super({
      code: 'not_focus',
      detail: `Not a FOCUS export: the header lacks ${missing.length} FOCUS column(s): ${missing.join(', ')}.`,
      errors: missing.map((name) => ({
        path: name,
        code: 'missing_column',
        message: `expected the FOCUS column '${name}'`,
      })),
    });
    this.missing = [...missing];
  }
}

/**
 * Reads a FOCUS header (1.0, 1.1 or 1.2; names matched ignoring case, a BOM and spaces); throws a
 * FocusHeaderError (GridshiftError `not_focus`, 422) naming every missing column.
 */
export function readFocusHeader(header: readonly string[]): FocusColumns {
  const index = new Map<string, number>();
  header.forEach((raw, i) => {
    const name = raw
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase();
    if (!index.has(name)) index.set(name, i);
  });
  const at = (name: string) => index.get(name.toLowerCase()) ?? -1;
  const missing: string[] = FOCUS_REQUIRED_COLUMNS.filter((c) => at(c) < 0);
  const provider = at('ProviderName') >= 0 ? at('ProviderName') : at('ServiceProviderName');
  if (provider < 0) missing.push('ProviderName');
  if (missing.length > 0) throw new FocusHeaderError(missing.sort());
  const has = (names: readonly string[]) => names.some((n) => at(n) >= 0);
  return {
    version: has(SINCE_1_2) ? '1.2' : has(SINCE_1_1) ? '1.1' : '1.0',
    width: header.length,
    provider,
    billedCost: at('BilledCost'),
    chargeCategory: at('ChargeCategory'),
    chargeDescription: at('ChargeDescription'),
    chargePeriodStart: at('ChargePeriodStart'),
    consumedQuantity: at('ConsumedQuantity'),
    consumedUnit: at('ConsumedUnit'),
    regionId: at('RegionId'),
    regionName: at('RegionName'),
    serviceName: at('ServiceName'),
    subAccountId: at('SubAccountId'),
    id: at('Id'),
    tags: at('Tags'),
    skuId: at('SkuId'),
    serviceCategory: at('ServiceCategory'),
    subAccountName: at('SubAccountName'),
    billingCurrency: at('BillingCurrency'),
  };
}

/**
 * The cells a FOCUS run reads, by index, for a header that is FOCUS; null (every cell) for one that
 * is not, which openFocusStream then refuses naming what it lacks.
 */
export function focusCellsRead(header: readonly string[]): number[] | null {
  let columns: FocusColumns;
  try {
    columns = readFocusHeader(header);
  } catch {
    return null;
  }
  const { version: _version, width: _width, ...cells } = columns;
  return Object.values(cells).filter((i) => i >= 0);
}
