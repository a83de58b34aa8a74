import { useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { useDismissable } from '../../components/use-dismissable';
import { describeMode, describeStatus, formatCount } from './format';
import { MISSING, type CreatedPreset, type FacetOption, type RecordingFilters } from './recordings-view';

export type FiltersChange = (filters: RecordingFilters, options?: { replace?: boolean }) => void;

/** A multi-select over values found in the data, with their counts. */
function FacetFilter({
  name,
  options,
  selected,
  describe,
  onChange,
  searchable = false,
}: {
  name: string;
  options: FacetOption[];
  selected: readonly string[];
  describe: (value: string) => string;
  onChange: (values: string[]) => void;
  searchable?: boolean;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [query, setQuery] = useState('');
  const searchId = useId();
  useDismissable(ref);
  const chosen = new Set(selected);
  // A value chosen in the URL but absent from the data still shows, so it can be removed.
  const shown = [...options];
  for (const value of selected) {
    if (!options.some((option) => option.value === value)) shown.push({ value, count: 0 });
  }
  const needle = query.trim().toLowerCase();
  const visible = needle === '' ? shown : shown.filter((option) => describe(option.value).toLowerCase().includes(needle));
  return (
    <details className="facet" ref={ref}>
      <summary className="button">
        {name}
        {selected.length > 0 ? <span className="facet__count"> · {selected.length}</span> : null}
      </summary>
      <div className="facet__menu">
        {searchable ? (
          <div className="facet__search">
            <label htmlFor={searchId} className="visually-hidden">
              Find a {name.toLowerCase()}
            </label>
            <input id={searchId} type="search" placeholder={`Find a ${name.toLowerCase()}…`} value={query} onChange={(e) => setQuery(e.target.value)} />
          </div>
        ) : null}
        <fieldset>
          <legend className="visually-hidden">{name}</legend>
          {visible.length === 0 ? <p className="muted">No values</p> : null}
          {visible.map((option) => (
            <label key={option.value} className="facet__option">
              <input
                type="checkbox"
                checked={chosen.has(option.value)}
                onChange={(event) =>
                  onChange(
                    event.target.checked ? [...selected, option.value] : selected.filter((value) => value !== option.value),
                  )
                }
              />
              <span className="facet__label">{describe(option.value)}</span>
              <span className="facet__tally">{formatCount(option.count)}</span>
            </label>
          ))}
        </fieldset>
      </div>
    </details>
  );
}

export const describeStatusValue = (value: string) => (value === MISSING ? 'No status' : describeStatus(value).label);
export const describeModeValue = (value: string) => (value === MISSING ? 'Not given' : describeMode(value));
export const describeTextValue = (value: string) => (value === MISSING ? '(none)' : value);

const PRESET_LABELS: Record<CreatedPreset, string> = {
  today: 'Today',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  custom: 'Custom dates',
};

function CreatedFilter({ filters, onChange }: { filters: RecordingFilters; onChange: FiltersChange }) {
  const id = useId();
  return (
    <div className="filters__group">
      <label htmlFor={`${id}-preset`}>Created</label>
      <select
        id={`${id}-preset`}
        value={filters.created ?? ''}
        onChange={(event) => {
          const value = event.target.value as CreatedPreset | '';
          onChange({ ...filters, created: value === '' ? null : value, createdFrom: null, createdTo: null });
        }}
      >
        <option value="">Any time</option>
        {(Object.keys(PRESET_LABELS) as CreatedPreset[]).map((preset) => (
          <option key={preset} value={preset}>
            {PRESET_LABELS[preset]}
          </option>
        ))}
      </select>
      {filters.created === 'custom' ? (
        <>
          <label htmlFor={`${id}-from`} className="visually-hidden">
            From day
          </label>
          <input
            id={`${id}-from`}
            type="date"
            value={filters.createdFrom ?? ''}
            max={filters.createdTo ?? undefined}
            onChange={(event) => onChange({ ...filters, createdFrom: event.target.value || null }, { replace: true })}
          />
          <span aria-hidden="true">–</span>
          <label htmlFor={`${id}-to`} className="visually-hidden">
            To day
          </label>
          <input
            id={`${id}-to`}
            type="date"
            value={filters.createdTo ?? ''}
            min={filters.createdFrom ?? undefined}
            onChange={(event) => onChange({ ...filters, createdTo: event.target.value || null }, { replace: true })}
          />
        </>
      ) : null}
    </div>
  );
}

/** How long after the last keystroke a typed duration applies. */
const COMMIT_AFTER_MS = 600;

function MinutesInput({
  label,
  value,
  onCommit,
  reversesRange,
}: {
  label: string;
  value: number | null;
  onCommit: (value: number | null) => void;
  /** Whether these minutes would put the range the wrong way round (with the other box's value). */
  reversesRange: (minutes: number) => boolean;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value === null ? '' : String(value));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setDraft(value === null ? '' : String(value));
  }
  const commit = (settled = true) => {
    const trimmed = draft.trim();
    const parsed = trimmed === '' ? null : Number(trimmed);
    if (parsed === null || (Number.isFinite(parsed) && parsed >= 0)) {
      const minutes = parsed === null ? null : Math.floor(parsed);
      // A pause mid-number ("3" on the way to "30" against a minimum of 60) is not a range the
      // wrong way round yet: that waits for Enter or leaving the box, where it reads as meant.
      if (!settled && minutes !== null && reversesRange(minutes)) return;
      if (minutes !== value) onCommit(minutes);
    } else {
      setDraft(value === null ? '' : String(value));
    }
  };
  // It applies a moment after typing stops, as the search box does, and on Enter. Leaving the box
  // applies it once the pointer or key that left it is released: applied at blur itself, the
  // filter's chip appeared between mouse-down and mouse-up, moved the page, and the click that
  // left the box (a column header, a counter) landed elsewhere and was lost.
  const commitLater = useEffectEvent(commit);
  const commitAfterPause = useEffectEvent(() => commit(false));
  useEffect(() => {
    if (draft === (value === null ? '' : String(value))) return;
    const timer = setTimeout(commitAfterPause, COMMIT_AFTER_MS);
    return () => clearTimeout(timer);
  }, [draft, value]);
  const [leaving, setLeaving] = useState(false);
  useEffect(() => {
    if (!leaving) return;
    const released = () => {
      // After the click that follows the release has been dispatched.
      setTimeout(commitLater, 0);
      setLeaving(false);
    };
    window.addEventListener('pointerup', released, { capture: true, once: true });
    window.addEventListener('keyup', released, { capture: true, once: true });
    return () => {
      window.removeEventListener('pointerup', released, { capture: true });
      window.removeEventListener('keyup', released, { capture: true });
    };
  }, [leaving]);
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        className="minutes-input"
        type="number"
        min={0}
        inputMode="numeric"
        placeholder={label.startsWith('Shortest') ? 'min' : 'max'}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => setLeaving(true)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
    </>
  );
}

function DurationFilter({ filters, onChange }: { filters: RecordingFilters; onChange: FiltersChange }) {
  return (
    <div className="filters__group" role="group" aria-label="Duration in minutes">
      <span className="filters__label" aria-hidden="true">
        Duration
      </span>
      <MinutesInput
        label="Shortest duration, minutes"
        value={filters.durationMin}
        onCommit={(durationMin) => onChange({ ...filters, durationMin })}
        reversesRange={(minutes) => filters.durationMax !== null && minutes > filters.durationMax}
      />
      <span aria-hidden="true">–</span>
      <MinutesInput
        label="Longest duration, minutes"
        value={filters.durationMax}
        onCommit={(durationMax) => onChange({ ...filters, durationMax })}
        reversesRange={(minutes) => filters.durationMin !== null && minutes < filters.durationMin}
      />
      <span className="muted" aria-hidden="true">
        min
      </span>
    </div>
  );
}

export const ATTENTION_CHOICES = [6, 12, 24, 48, 72, 168];

function AttentionFilter({
  filters,
  count,
  onChange,
}: {
  filters: RecordingFilters;
  count: number;
  onChange: FiltersChange;
}) {
  const id = useId();
  const choices = ATTENTION_CHOICES.includes(filters.attentionHours)
    ? ATTENTION_CHOICES
    : [...ATTENTION_CHOICES, filters.attentionHours].sort((a, b) => a - b);
  return (
    <div className="filters__group">
      <button
        type="button"
        className="button attention-toggle"
        aria-pressed={filters.attention}
        onClick={() => onChange({ ...filters, attention: !filters.attention })}
      >
        <span aria-hidden="true">⚠</span> Needs attention <span className="facet__tally">{formatCount(count)}</span>
      </button>
      <label htmlFor={id} className="visually-hidden">
        Needs attention when not processed after
      </label>
      <select
        id={id}
        value={filters.attentionHours}
        onChange={(event) => onChange({ ...filters, attentionHours: Number(event.target.value) })}
      >
        {choices.map((hours) => (
          <option key={hours} value={hours}>
            after {hours % 24 === 0 && hours >= 48 ? `${hours / 24} days` : `${hours} h`}
          </option>
        ))}
      </select>
    </div>
  );
}

export function RecordingFiltersBar({
  filters,
  facets,
  attentionCount,
  onChange,
  showRoomFilter,
}: {
  filters: RecordingFilters;
  facets: { status: FacetOption[]; mode: FacetOption[]; client: FacetOption[]; room: FacetOption[] };
  attentionCount: number;
  onChange: FiltersChange;
  showRoomFilter: boolean;
}) {
  // Every keystroke goes to the URL at once; the list follows as a deferred render, so typing never
  // waits for 100,000 rows to be filtered. The first keystroke adds a history entry (Back undoes
  // the search as one step), the rest replace it.
  const inputRef = useRef<HTMLInputElement>(null);
  const changeSearch = (value: string) => onChange({ ...filters, search: value }, { replace: filters.search !== '' });

  useEffect(() => {
    const focusSearch = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]')) return;
      event.preventDefault();
      inputRef.current?.focus();
    };
    document.addEventListener('keydown', focusSearch);
    return () => document.removeEventListener('keydown', focusSearch);
  }, []);

  return (
    <div className="filters" role="search" aria-label="Filter recordings">
      <div className="field field--inline filters__search">
        <label htmlFor="recordings-search">Search</label>
        <input
          ref={inputRef}
          id="recordings-search"
          type="search"
          placeholder="uuid, session, id, class or room  ( / )"
          value={filters.search}
          onChange={(event) => changeSearch(event.target.value)}
          aria-keyshortcuts="/"
        />
      </div>
      <FacetFilter
        name="Status"
        options={facets.status}
        selected={filters.statuses}
        describe={describeStatusValue}
        onChange={(statuses) => onChange({ ...filters, statuses })}
      />
      <FacetFilter
        name="Mode"
        options={facets.mode}
        selected={filters.modes}
        describe={describeModeValue}
        onChange={(modes) => onChange({ ...filters, modes })}
      />
      {showRoomFilter ? (
        <FacetFilter
          name="Room"
          options={facets.room}
          selected={filters.rooms}
          describe={describeTextValue}
          onChange={(rooms) => onChange({ ...filters, rooms })}
          searchable
        />
      ) : null}
      {facets.client.length > 1 || filters.clients.length > 0 ? (
        <FacetFilter
          name="Client"
          options={facets.client}
          selected={filters.clients}
          describe={describeTextValue}
          onChange={(clients) => onChange({ ...filters, clients })}
          searchable
        />
      ) : null}
      <CreatedFilter filters={filters} onChange={onChange} />
      <DurationFilter filters={filters} onChange={onChange} />
      <AttentionFilter filters={filters} count={attentionCount} onChange={onChange} />
    </div>
  );
}
