import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { describeMode, describeStatus, formatCount } from './format';
import { MISSING, type FacetOption, type RecordingFilters } from './recordings-view';

/** A multi-select over values found in the data, with their counts. */
function FacetFilter({
  name,
  options,
  selected,
  describe,
  onChange,
}: {
  name: string;
  options: FacetOption[];
  selected: readonly string[];
  describe: (value: string) => string;
  onChange: (values: string[]) => void;
}) {
  const chosen = new Set(selected);
  // A value chosen in the URL but absent from the data still shows, so it can be removed.
  const shown = [...options];
  for (const value of selected) {
    if (!options.some((option) => option.value === value)) shown.push({ value, count: 0 });
  }
  return (
    <details className="facet">
      <summary className="button">
        {name}
        {selected.length > 0 ? <span className="facet__count"> · {selected.length}</span> : null}
      </summary>
      <fieldset className="facet__menu">
        <legend className="visually-hidden">{name}</legend>
        {shown.length === 0 ? <p className="muted">No values yet</p> : null}
        {shown.map((option) => (
          <label key={option.value} className="facet__option">
            <input
              type="checkbox"
              checked={chosen.has(option.value)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...selected, option.value]
                    : selected.filter((value) => value !== option.value),
                )
              }
            />
            <span className="facet__label">{describe(option.value)}</span>
            <span className="facet__tally">{formatCount(option.count)}</span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}

const describeStatusValue = (value: string) => (value === MISSING ? 'No status' : describeStatus(value).label);
const describeModeValue = (value: string) => (value === MISSING ? 'Not given' : describeMode(value));

export function RecordingFiltersBar({
  filters,
  statusOptions,
  modeOptions,
  onChange,
}: {
  filters: RecordingFilters;
  statusOptions: FacetOption[];
  modeOptions: FacetOption[];
  onChange: (filters: RecordingFilters, options?: { replace?: boolean }) => void;
}) {
  // The box answers every keystroke; the URL (and the list) follow a moment later.
  const [search, setSearch] = useState(filters.search);
  const [urlSearch, setUrlSearch] = useState(filters.search);
  const inputRef = useRef<HTMLInputElement>(null);
  // Back/forward or "clear filters" changed the URL: the box follows it.
  if (filters.search !== urlSearch) {
    setUrlSearch(filters.search);
    setSearch(filters.search);
  }

  const commitSearch = useEffectEvent((value: string) => {
    if (value !== filters.search) onChange({ ...filters, search: value }, { replace: true });
  });
  useEffect(() => {
    const timer = setTimeout(() => commitSearch(search), 150);
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    const focusSearch = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.defaultPrevented) return;
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
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
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          aria-keyshortcuts="/"
        />
      </div>
      <FacetFilter
        name="Status"
        options={statusOptions}
        selected={filters.statuses}
        describe={describeStatusValue}
        onChange={(statuses) => onChange({ ...filters, statuses })}
      />
      <FacetFilter
        name="Mode"
        options={modeOptions}
        selected={filters.modes}
        describe={describeModeValue}
        onChange={(modes) => onChange({ ...filters, modes })}
      />
    </div>
  );
}
