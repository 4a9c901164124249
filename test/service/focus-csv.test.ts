// The per-row CSV: header, 4 significant digits, and cells a spreadsheet cannot run as formulas.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import {
  FOCUS_ROW_CSV_HEADER,
  focusRowCsvLine,
  type FocusRowResult,
} from '../../src/service/focus/index.ts';

const row: FocusRowResult = {
  id: '121035',
  row: 21,
  method: 'instance',
  energyKwh: 0.035028239184,
  kgCo2e: 0.017838721787131178,
  kgCo2eLow: 0.012218197747022366,
  kgCo2eHigh: 0.02091797456869068,
  regionId: 'aws:us-east-1',
  zone: 'US-MIDA-PJM',
};

describe('focusRowCsvLine', () => {
  it('writes the columns of the header, numbers to 4 significant digits', () => {
    expect(FOCUS_ROW_CSV_HEADER).toBe(
      'Id,row,method,energyKwh,kgCo2e,kgCo2eLow,kgCo2eHigh,regionId,zone',
    );
    expect(focusRowCsvLine(row)).toBe(
      '121035,21,instance,0.03503,0.01784,0.01222,0.02092,aws:us-east-1,US-MIDA-PJM',
    );
    expect(focusRowCsvLine({ ...row, energyKwh: -1234567, kgCo2e: 0, kgCo2eLow: 1.5e-9 })).toMatch(
      /^121035,21,instance,-1235000,0,1\.5e-9,/,
    );
  });

  it('neutralises cells starting with = + - @, tab or CR, and quotes what needs quoting', () => {
    for (const id of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      const line = focusRowCsvLine({ ...row, id, regionId: null, zone: null });
      const [cells] = Papa.parse<string[]>(line).data;
      expect(cells![0]).toBe(`'${id}`);
      expect(cells).toHaveLength(9);
    }
    const [cells] = Papa.parse<string[]>(focusRowCsvLine({ ...row, id: 'a,"b"\nc' })).data;
    expect(cells![0]).toBe('a,"b"\nc');
  });
});
