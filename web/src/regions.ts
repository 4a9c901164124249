// Region picker: a search box filtering a native <select> (keyboard and screen-reader friendly),
// grouped by provider, plus countries, over `GET /v1/regions`.

export interface RegionRow {
  id: string;
  provider: string;
  region: string;
  name: string;
  countryIso2: string | null;
  continent: string | null;
  gridZone: string | null;
}

/** Selected after the form is cleared. */
const DEFAULT_LOCATION = 'aws:us-east-1';

const PROVIDERS: Record<string, string> = { aws: 'AWS', gcp: 'Google Cloud', azure: 'Azure' };
const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

export function providerName(id: string): string {
  return PROVIDERS[id] ?? id;
}

export function countryName(iso2: string | null): string {
  if (!iso2) return '';
  try {
    return countryNames.of(iso2) ?? iso2;
  } catch {
    return iso2;
  }
}

interface Choice {
  value: string;
  label: string;
  group: string;
  haystack: string;
}

/** Matches listed under the search box (the select keeps every match). */
const LISTED = 8;

/**
 * The search box is a combobox over a listbox of the top matches: arrow keys move through them,
 * Enter or a click puts the match into the select. Enter never submits from here, so a search can
 * never send the region that happened to be selected before it.
 */
export class RegionPicker {
  private choices: Choice[] = [];
  private matches: Choice[] = [];
  private active = -1;
  private readonly select: HTMLSelectElement;
  private readonly search: HTMLInputElement;
  private readonly count: HTMLElement;
  private readonly list: HTMLElement;

  constructor(
    select: HTMLSelectElement,
    search: HTMLInputElement,
    count: HTMLElement,
    list: HTMLElement,
  ) {
    this.select = select;
    this.search = search;
    this.count = count;
    this.list = list;
    search.addEventListener('input', () => {
      this.active = 0;
      this.render();
    });
    search.addEventListener('keydown', (event) => this.onKey(event));
    search.addEventListener('blur', () => this.close());
    // Keeps focus in the box, so the blur above does not close the list before the click lands.
    list.addEventListener('mousedown', (event) => event.preventDefault());
    list.addEventListener('click', (event) => {
      const option = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]');
      if (option?.dataset.index) this.pick(Number(option.dataset.index));
    });
  }

  /** Loads the regions; countries come from the regions' own countries. */
  setRegions(regions: readonly RegionRow[]): void {
    const countries = new Map<string, string>();
    this.choices = regions.map((r) => {
      const country = countryName(r.countryIso2);
      if (r.countryIso2) countries.set(r.countryIso2, country);
      const group = providerName(r.provider);
      return {
        value: r.id,
        label: `${r.id} — ${r.name}${country ? `, ${country}` : ''}`,
        group,
        haystack: [r.id, r.name, country, r.countryIso2, group, r.continent, r.gridZone]
          .join(' ')
          .toLowerCase(),
      };
    });
    const byName = [...countries].sort((a, b) => a[1].localeCompare(b[1]));
    for (const [iso2, name] of byName) {
      this.choices.push({
        value: iso2,
        label: `${name} (${iso2}) — country average`,
        group: 'Countries',
        haystack: `${iso2} ${name} country`.toLowerCase(),
      });
    }
    this.render();
  }

  /** Makes sure `value` (a preset's `US`, a grid zone) can be selected even if not in the list. */
  ensure(value: string | undefined): void {
    if (!value || this.choices.some((c) => c.value === value)) return;
    this.choices.push({ value, label: value, group: 'Other', haystack: value.toLowerCase() });
    this.render();
  }

  /** The label of a value (`aws:us-east-1 — US East (N. Virginia), United States`). */
  labelOf(value: string): string {
    return this.choices.find((c) => c.value === value)?.label ?? value;
  }

  get regionCount(): number {
    return this.choices.filter((c) => c.group !== 'Countries' && c.group !== 'Other').length;
  }

  private onKey(event: KeyboardEvent): void {
    const listed = Math.min(this.matches.length, LISTED);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (listed === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = this.list.hidden
        ? Math.max(0, this.active)
        : (Math.max(0, this.active) + step + listed) % listed;
      this.renderList();
    } else if (event.key === 'Enter') {
      if (this.search.value.trim() === '') return;
      event.preventDefault();
      if (listed > 0) this.pick(Math.max(0, this.active));
    } else if (event.key === 'Escape' && !this.list.hidden) {
      event.preventDefault();
      this.close();
    }
  }

  /** Puts match `index` into the select (a `change` event, as a pick by hand), then empties the search. */
  private pick(index: number): void {
    const choice = this.matches[index];
    if (!choice) return;
    this.search.value = '';
    this.select.value = choice.value;
    this.render();
    this.select.value = choice.value;
    this.select.dispatchEvent(new Event('change', { bubbles: true }));
    this.count.textContent = `Region set to ${choice.label}.`;
  }

  private close(): void {
    this.list.hidden = true;
    this.search.setAttribute('aria-expanded', 'false');
    this.search.removeAttribute('aria-activedescendant');
  }

  private renderList(): void {
    const listed = this.matches.slice(0, LISTED);
    if (listed.length === 0 || this.search.value.trim() === '') return this.close();
    this.list.replaceChildren(
      ...listed.map((choice, i) => {
        const li = document.createElement('li');
        li.id = `location-match-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', String(i === this.active));
        li.dataset.index = String(i);
        li.textContent = choice.label;
        return li;
      }),
    );
    this.list.hidden = false;
    this.search.setAttribute('aria-expanded', 'true');
    if (this.active >= 0) {
      this.search.setAttribute('aria-activedescendant', `location-match-${this.active}`);
      this.list.children[this.active]?.scrollIntoView({ block: 'nearest' });
    }
  }

  private render(): void {
    const current = this.select.value;
    const words = this.search.value.toLowerCase().split(/\s+/).filter(Boolean);
    const matching = this.choices.filter((c) => words.every((w) => c.haystack.includes(w)));
    this.matches = words.length === 0 ? [] : matching;
    const shown = this.choices.filter((c) => c.value === current || matching.includes(c));
    const groups = new Map<string, HTMLOptGroupElement>();
    for (const choice of shown) {
      let group = groups.get(choice.group);
      if (!group) {
        group = document.createElement('optgroup');
        group.label = choice.group;
        groups.set(choice.group, group);
      }
      group.append(
        new Option(
          choice.label,
          choice.value,
          choice.value === DEFAULT_LOCATION,
          choice.value === current,
        ),
      );
    }
    this.select.replaceChildren(...groups.values());
    if (current) this.select.value = current;
    const typed = this.search.value.trim();
    this.count.textContent =
      words.length === 0
        ? `${this.regionCount} regions of AWS, Google Cloud and Azure, plus countries`
        : matching.length === 0
          ? `No region matches “${typed}”; the region stays ${current}.`
          : `${matching.length} match “${typed}”: Enter takes the highlighted one (arrow keys move); until then the region stays ${current}.`;
    this.renderList();
  }
}
