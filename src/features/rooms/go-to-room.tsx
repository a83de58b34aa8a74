import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Recording } from '../recordings/recording';
import { roomPath } from '../recordings/recording-links';
import { recordingQueries } from '../recordings/recordings-queries';
import { roomIdFromTyped } from './room-links';
import { useRecentRooms } from './recent-rooms';
import { roomIdsOf, suggestRooms } from './rooms-view';
import './rooms.css';

const NO_RECORDS: Recording[] = [];
/** `active` for "the last option", whatever the number of suggestions turns out to be. */
const LAST = -2;

/**
 * "Go to room", on every page: type a room id and press Enter, or pick a suggestion. Suggestions
 * are the rooms recently visited on this device, then (once something is typed) the rooms of the
 * account's list if it is already loaded; any room id can be opened, listed or not.
 *
 * An editable combobox with list autocomplete and manual selection, as in the ARIA Authoring
 * Practices (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/examples/combobox-autocomplete-list/):
 * focus stays in the input, aria-activedescendant points at the highlighted option.
 */
export function GoToRoom({ clientId }: { clientId: string }) {
  const [value, setValue] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { rooms: recent } = useRecentRooms(clientId);
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;

  // Read from the cache, never fetched for this: the box must not load a 100,000-row list.
  const all = open ? queryClient.getQueryData(recordingQueries.all(clientId).queryKey) : undefined;
  const suggestions = open ? suggestRooms(value, recent, roomIdsOf(all?.records ?? NO_RECORDS)) : [];
  const expanded = open && suggestions.length > 0;
  const activeIndex = active === LAST ? suggestions.length - 1 : active < suggestions.length ? active : -1;

  const go = (roomId: string) => {
    setOpen(false);
    setActive(-1);
    setValue('');
    navigate(roomPath(roomId));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (activeIndex >= 0) return go(suggestions[activeIndex]!.roomId);
    // Typed ids lose stray spaces at the ends, and a pasted room address or class id becomes its
    // room id; a suggestion is taken exactly as it is.
    const cached = queryClient.getQueryData(recordingQueries.all(clientId).queryKey);
    const clients = new Set([clientId, ...(cached?.summary.facets.client.keys() ?? [])]);
    const typed = roomIdFromTyped(value, clients);
    if (typed !== '') go(typed);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open || count === 0) {
          setOpen(true);
          setActive(event.altKey ? -1 : 0);
        } else {
          setActive(activeIndex + 1 >= count ? 0 : activeIndex + 1);
        }
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!open || count === 0) {
          setOpen(true);
          setActive(event.altKey ? -1 : LAST);
        } else {
          setActive(activeIndex <= 0 ? count - 1 : activeIndex - 1);
        }
        return;
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (value !== '') {
          event.preventDefault();
          setValue('');
        }
        return;
      case 'ArrowLeft':
      case 'ArrowRight':
      case 'Home':
      case 'End':
        setActive(-1);
        return;
      case 'Tab':
        setOpen(false);
        setActive(-1);
        return;
      default:
    }
  };

  return (
    <form className="go-to-room" onSubmit={submit} role="search" aria-label="Go to a room">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        Room id
      </label>
      <div className="go-to-room__box">
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && activeIndex >= 0 ? `${id}-option-${activeIndex}` : undefined}
          aria-describedby={hintId}
          autoComplete="off"
          spellCheck={false}
          placeholder="Go to room…"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
          }}
        />
        <ul id={listId} role="listbox" aria-label="Rooms" className="go-to-room__list" hidden={!expanded}>
          {suggestions.map((suggestion, index) => (
            <li
              key={suggestion.roomId}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              // One name in every browser (Chromium puts a space before a visually hidden part).
              aria-label={suggestion.recent ? `${suggestion.roomId}, visited recently` : suggestion.roomId}
              className="go-to-room__option"
              // Keeps focus in the input, so the click lands before a blur closes the list.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => go(suggestion.roomId)}
            >
              <span className="room-name go-to-room__name">{suggestion.roomId}</span>
              {suggestion.recent ? (
                <span className="go-to-room__tag" aria-hidden="true">
                  recent
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      <span id={hintId} className="visually-hidden">
        Type a room id and press Enter. Down arrow: recently visited rooms.
      </span>
      <span className="visually-hidden" role="status" aria-live="polite">
        {expanded ? `${suggestions.length} ${suggestions.length === 1 ? 'suggestion' : 'suggestions'}` : ''}
      </span>
      <button type="submit" className="button">
        Open
      </button>
    </form>
  );
}
