import { createMemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { roomPath } from '../../src/features/recordings/recording-links';
import { readViewState } from '../../src/features/recordings/use-recordings-view-state';
import { noRoomPath, readRoomPath, roomAttentionPath, roomDayPath, roomIdFromTyped } from '../../src/features/rooms/room-links';

/** Room ids the API may send: opaque strings. */
const ODD_ROOM_IDS = [
  'Salle 12 é',
  'client::room::with::colons',
  'a/b',
  '100% sure',
  'literal %2F and %41 and %',
  'hash # and question ? and ampersand & and plus +',
  '  spaces at both ends  ',
  '教室 三 🎓',
  'e\u0301 (decomposed é)',
  '...',
  '\\back\\slash',
  `long-${'x'.repeat(1000)}`,
].map((roomId) => ({ roomId, name: roomId.length > 60 ? `${roomId.slice(0, 12)}… (${roomId.length} characters)` : roomId }));

describe('room addresses', () => {
  it.each(ODD_ROOM_IDS)('round-trips $name through its path', ({ roomId }) => {
    const path = roomPath(roomId);
    expect(path.split('/')).toHaveLength(3);
    expect(readRoomPath(path)).toBe(roomId);
  });

  it.each(ODD_ROOM_IDS)('round-trips $name through the URL a browser keeps and the router', ({ roomId }) => {
    // What the address bar holds after navigating there, and what the router then reports.
    const url = new URL(roomPath(roomId), 'http://dashboard.example');
    const router = createMemoryRouter([{ path: '/rooms/:roomId', element: null }], { initialEntries: [url.pathname + url.search] });
    expect(router.state.matches).toHaveLength(1);
    expect(readRoomPath(router.state.location.pathname)).toBe(roomId);
  });

  it('does not trust the router’s param for ids that hold "%2F" (react-router#11293)', () => {
    const router = createMemoryRouter([{ path: '/rooms/:roomId', element: null }], { initialEntries: [roomPath('a%2Fb')] });
    // Documents why readRoomPath exists; if this starts failing, the router was fixed upstream.
    expect(router.state.matches[0]!.params.roomId).toBe('a/b');
    expect(readRoomPath(router.state.location.pathname)).toBe('a%2Fb');
  });

  it('reads only room pages, tolerates a trailing slash and hand-typed bad encoding', () => {
    expect(readRoomPath('/rooms')).toBeNull();
    expect(readRoomPath('/rooms/')).toBeNull();
    expect(readRoomPath('/rooms/a/b')).toBeNull();
    expect(readRoomPath('/recordings/x')).toBeNull();
    expect(readRoomPath('/rooms/room-101/')).toBe('room-101');
    expect(readRoomPath('/rooms/50%')).toBe('50%');
  });

  it('builds the list views the overview links to, in the list’s own URL parameters', () => {
    const roomId = 'Salle 12 é #1?';
    const day = new URL(roomDayPath(roomId, '2026-11-18'), 'http://x');
    expect(readRoomPath(day.pathname)).toBe(roomId);
    expect(Object.fromEntries(day.searchParams)).toEqual({ created: 'custom', from: '2026-11-18', to: '2026-11-18' });
    expect(readViewState(day.searchParams).filters).toMatchObject({ created: 'custom', createdFrom: '2026-11-18', createdTo: '2026-11-18' });

    const attention = new URL(roomAttentionPath(roomId, 48), 'http://x');
    expect(readRoomPath(attention.pathname)).toBe(roomId);
    expect(readViewState(attention.searchParams).filters).toMatchObject({ attention: true, attentionHours: 48 });

    const none = new URL(noRoomPath({ attention: '1', after: '24' }), 'http://x');
    expect(none.pathname).toBe('/');
    expect(readViewState(none.searchParams).filters).toMatchObject({ rooms: [''], attention: true, attentionHours: 24 });
  });
});

describe('what was typed in the "go to room" box', () => {
  const clients = new Set(['demo-school', 'north-high']);

  it('takes a bare room id as typed, without stray spaces at the ends', () => {
    expect(roomIdFromTyped('  gym ', clients)).toBe('gym');
    expect(roomIdFromTyped('Salle 12 é', clients)).toBe('Salle 12 é');
  });

  it('takes the room out of a pasted class id, when a known client comes before "::"', () => {
    expect(roomIdFromTyped('demo-school::gym', clients)).toBe('gym');
    expect(roomIdFromTyped('north-high::annex::studio-2', clients)).toBe('annex::studio-2');
    // Not a client we know: "::" is part of the room id.
    expect(roomIdFromTyped('annex::studio-2', clients)).toBe('annex::studio-2');
  });

  it('takes the room out of a pasted room address', () => {
    expect(roomIdFromTyped('/rooms/gym', clients)).toBe('gym');
    expect(roomIdFromTyped('http://127.0.0.1:4173/rooms/Salle%2012%20%C3%A9?status=SENT#x', clients)).toBe('Salle 12 é');
    expect(roomIdFromTyped('/rooms/', clients)).toBe('/rooms/');
  });
});
