// The only importer of data/built/focus-regions.ts: cloud regions known only to the FOCUS mapping (Oracle Cloud).
import { focusRegions } from '../../data/built/focus-regions.ts';

export { focusRegions };
