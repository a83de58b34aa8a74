import { formatCount } from './format';
import { describeModeValue, describeStatusValue, describeTextValue, type FiltersChange } from './recording-filters';
import { hasActiveFilters, noFilters, type FacetOption, type RecordingFilters } from './recordings-view';

interface Chip {
  key: string;
  label: string;
  remove: () => RecordingFilters;
}

const PRESET_WORDS = { today: 'today', '7d': 'in the last 7 days', '30d': 'in the last 30 days' } as const;

const dayWords = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2026-09-29" as the table writes dates ("Sep 29, 2026"). */
function chipDay(day: string): string {
  return dayWords.format(new Date(`${day}T00:00:00Z`));
}

function chipsFor(filters: RecordingFilters): Chip[] {
  const chips: Chip[] = [];
  const list = (
    key: 'statuses' | 'modes' | 'clients' | 'rooms',
    name: string,
    describe: (value: string) => string,
  ) => {
    for (const value of filters[key]) {
      chips.push({
        key: `${key}:${value}`,
        label: `${name}: ${describe(value)}`,
        remove: () => ({ ...filters, [key]: filters[key].filter((v) => v !== value) }),
      });
    }
  };
  list('statuses', 'Status', describeStatusValue);
  list('modes', 'Mode', describeModeValue);
  list('rooms', 'Room', describeTextValue);
  list('clients', 'Client', describeTextValue);
  if (filters.search.trim() !== '') {
    chips.push({ key: 'search', label: `Search: “${filters.search.trim()}”`, remove: () => ({ ...filters, search: '' }) });
  }
  if (filters.created !== null) {
    const from = filters.createdFrom === null ? null : chipDay(filters.createdFrom);
    const to = filters.createdTo === null ? null : chipDay(filters.createdTo);
    const label =
      filters.created !== 'custom'
        ? `Created ${PRESET_WORDS[filters.created]}`
        : from && to
          ? from === to
            ? `Created on ${from}`
            : `Created ${from} to ${to}`
          : from
            ? `Created on or after ${from}`
            : to
              ? `Created on or before ${to}`
              : 'Created: choose the days';
    chips.push({ key: 'created', label, remove: () => ({ ...filters, created: null, createdFrom: null, createdTo: null }) });
  }
  if (filters.durationMin !== null || filters.durationMax !== null) {
    const label =
      filters.durationMin !== null && filters.durationMax !== null
        ? `Duration ${filters.durationMin}–${filters.durationMax} min`
        : filters.durationMin !== null
          ? `Duration at least ${filters.durationMin} min`
          : `Duration at most ${filters.durationMax} min`;
    chips.push({ key: 'duration', label, remove: () => ({ ...filters, durationMin: null, durationMax: null }) });
  }
  if (filters.attention) {
    chips.push({
      key: 'attention',
      label: `Needs attention (not processed after ${filters.attentionHours} h)`,
      remove: () => ({ ...filters, attention: false }),
    });
  }
  return chips;
}

/** Active filters as removable chips, with "Clear all". */
export function FilterChips({ filters, onChange }: { filters: RecordingFilters; onChange: FiltersChange }) {
  if (!hasActiveFilters(filters)) return null;
  const chips = chipsFor(filters);
  return (
    <ul className="chips" aria-label="Active filters">
      {chips.map((chip) => (
        <li key={chip.key} className="chip">
          <span className="chip__label" title={chip.label}>
            {chip.label}
          </span>
          <button type="button" className="chip__remove" aria-label={`Remove filter ${chip.label}`} onClick={() => onChange(chip.remove())}>
            ×
          </button>
        </li>
      ))}
      <li>
        <button type="button" className="button button--quiet button--small" onClick={() => onChange(noFilters)}>
          Clear all
        </button>
      </li>
    </ul>
  );
}

/** Status counts that double as one-click filters. */
export function StatusCounters({
  options,
  filters,
  onChange,
}: {
  options: FacetOption[];
  filters: RecordingFilters;
  onChange: FiltersChange;
}) {
  if (options.length === 0) return null;
  const only = filters.statuses.length === 1 ? filters.statuses[0] : null;
  return (
    <div className="counters" role="group" aria-label="Recordings by status">
      {options.map((option) => {
        const pressed = only === option.value;
        return (
          <button
            key={option.value}
            type="button"
            className="counter"
            aria-pressed={pressed}
            onClick={() => onChange({ ...filters, statuses: pressed ? [] : [option.value] })}
          >
            <span className="counter__value">{formatCount(option.count)}</span>
            <span className="counter__label">{describeStatusValue(option.value)}</span>
          </button>
        );
      })}
    </div>
  );
}
