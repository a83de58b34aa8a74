// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import videojs from 'video.js/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LecturePlayer, type LecturePlayerProps } from '../../src/features/player/lecture-player';
import { RATE_STORAGE_KEY } from '../../src/features/player/playback-preferences';
import { resumeKey, RESUME_STORAGE_KEY, saveResumePosition } from '../../src/features/player/resume-positions';
import { installJsdomMediaGaps, livePlayers } from './player-jsdom';

installJsdomMediaGaps({ beforeAll, afterAll });
afterEach(() => {
  cleanup();
  localStorage.clear();
});

const A: LecturePlayerProps = {
  mediaKey: resumeKey('school', 'rec-a'),
  sources: [{ src: 'https://media.example/a.mp4', type: 'video/mp4' }],
  poster: 'https://media.example/a.png',
  placeholder: 'https://media.example/a_256x144.png',
  title: 'physics · Nov 14, 2023, 10:13 PM',
  portrait: false,
  directLink: 'https://media.example/a.mp4',
  startAt: null,
  shareUrl: (seconds) => `https://dash.example/recordings/rec-a${seconds > 0 ? `?t=${seconds}` : ''}`,
};

const B: LecturePlayerProps = {
  ...A,
  mediaKey: resumeKey('school', 'rec-b'),
  sources: [{ src: 'https://media.example/b.mp4', type: 'video/mp4' }],
  poster: 'https://media.example/b.png',
  placeholder: 'https://media.example/b_256x144.png',
  directLink: 'https://media.example/b.mp4',
};


async function onePlayer() {
  await waitFor(() => expect(livePlayers()).toHaveLength(1));
  return livePlayers()[0]!;
}

describe('the lecture player lifecycle', () => {
  it('makes exactly one player under StrictMode, with one .video-js element, playing the mp4 with its poster', async () => {
    const before = Object.keys(videojs.getPlayers()).length;
    const { container } = render(
      <StrictMode>
        <LecturePlayer {...A} />
      </StrictMode>,
    );
    const player = await onePlayer();
    await waitFor(() => expect(player.currentSrc()).toBe('https://media.example/a.mp4'));
    expect(player.poster()).toBe('https://media.example/a.png');
    expect(container.querySelectorAll('.video-js')).toHaveLength(1);
    expect(container.querySelectorAll('video')).toHaveLength(1);
    expect(screen.getByRole('region', { name: `Video player: ${A.title}` })).toBeInTheDocument();
    // StrictMode really mounted twice: the first player was made and disposed again.
    expect(Object.keys(videojs.getPlayers()).length - before).toBe(2);
  });

  it('swaps source and poster on the same player when the recording changes (A to B), never making a second one', async () => {
    const { container, rerender } = render(
      <StrictMode>
        <LecturePlayer {...A} />
      </StrictMode>,
    );
    const player = await onePlayer();
    await waitFor(() => expect(player.currentSrc()).toBe('https://media.example/a.mp4'));

    rerender(
      <StrictMode>
        <LecturePlayer {...B} />
      </StrictMode>,
    );
    await waitFor(() => expect(player.currentSrc()).toBe('https://media.example/b.mp4'));
    expect(player.poster()).toBe('https://media.example/b.png');
    expect(livePlayers()).toEqual([player]);
    expect(container.querySelectorAll('.video-js')).toHaveLength(1);
    expect(container.querySelectorAll('video')).toHaveLength(1);
  });

  it('reloads when the recording changes even if both use the same file, and drops the last one’s error', async () => {
    // video.js reports media errors on the console; this test causes two on purpose.
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const user = userEvent.setup();
    const sameFile: LecturePlayerProps = { ...B, sources: A.sources, poster: 'https://media.example/b.png' };
    const { rerender } = render(<LecturePlayer {...A} />);
    const player = await onePlayer();
    await waitFor(() => expect(player.currentSrc()).toBe('https://media.example/a.mp4'));

    act(() => {
      player.error(4);
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This video cannot be played here');
    expect(screen.getByRole('link', { name: /Open the video file directly/ })).toHaveAttribute('href', 'https://media.example/a.mp4');

    rerender(<LecturePlayer {...sameFile} />);
    await waitFor(() => expect(player.poster()).toBe('https://media.example/b.png'));
    expect(player.error()).toBeNull();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(livePlayers()).toEqual([player]);

    // And "Try again" after a failure loads the same source again.
    act(() => {
      player.error(2);
    });
    await user.click(await screen.findByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(player.error()).toBeNull();
    expect(consoleError.mock.calls.map((call) => call.map(String).join(' '))).toEqual([
      expect.stringContaining('(CODE:4 MEDIA_ERR_SRC_NOT_SUPPORTED)'),
      expect.stringContaining('(CODE:2 MEDIA_ERR_NETWORK)'),
    ]);
  });

  it('disposes the player on unmount and leaves no player, .video-js or video element behind', async () => {
    const { unmount } = render(
      <StrictMode>
        <LecturePlayer {...A} />
      </StrictMode>,
    );
    const player = await onePlayer();
    unmount();
    expect(player.isDisposed()).toBe(true);
    expect(livePlayers()).toHaveLength(0);
    expect(document.querySelectorAll('.video-js, video')).toHaveLength(0);
  });

  it('leaves nothing behind after thirty visits in a row', { timeout: 60_000 }, async () => {
    for (let visit = 0; visit < 30; visit += 1) {
      const props = visit % 2 === 0 ? A : B;
      const { unmount } = render(
        <StrictMode>
          <LecturePlayer {...props} />
        </StrictMode>,
      );
      await onePlayer();
      unmount();
    }
    expect(livePlayers()).toHaveLength(0);
    expect(document.querySelectorAll('.video-js, video')).toHaveLength(0);
  });

  it('says so in words, with a direct link, when the media does not start loading in time', async () => {
    const { restore } = pretendNetworkLoading();
    try {
      render(<LecturePlayer {...A} loadTimeoutMs={50} />);
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('The video is not loading');
      expect(alert).toHaveTextContent(/has not started loading/);
      expect(screen.getByRole('link', { name: /Open the video file directly/ })).toHaveAttribute('href', A.directLink);
    } finally {
      restore();
    }
  });

  it('shows a message and no player when there is nothing to play', () => {
    render(<LecturePlayer {...A} sources={[]} directLink={null} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing to play yet');
    expect(document.querySelectorAll('.video-js')).toHaveLength(0);
  });
});

describe('what the player remembers', () => {
  it('starts at the remembered speed, and remembers a new one for every recording', async () => {
    localStorage.setItem(RATE_STORAGE_KEY, '1.5');
    const user = userEvent.setup();
    render(<LecturePlayer {...A} />);
    const player = await onePlayer();
    await waitFor(() => expect(player.playbackRate()).toBe(1.5));
    expect(screen.getByText('Speed 1.5×')).toBeInTheDocument();
    // Loading the source (which sets the default rate, and fires ratechange) kept the choice.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(localStorage.getItem(RATE_STORAGE_KEY)).toBe('1.5');

    await user.keyboard('>');
    await waitFor(() => expect(localStorage.getItem(RATE_STORAGE_KEY)).toBe('1.75'));
    expect(player.playbackRate()).toBe(1.75);
    // Said where screen readers hear it, and shown under the player.
    expect(screen.getAllByText('Speed 1.75×').map((element) => element.getAttribute('role'))).toEqual(['status', null]);
  });

  it('offers "Resumed at … · Start over" where the viewer left off, and Start over forgets it', async () => {
    saveResumePosition(A.mediaKey, 192, 3000);
    const user = userEvent.setup();
    render(<LecturePlayer {...A} />);
    await onePlayer();
    expect(screen.getByText('Resumed at 3:12')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy link at 3:12' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Start over' }));
    expect(screen.queryByText(/Resumed at/)).not.toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem(RESUME_STORAGE_KEY) ?? '{}')).toEqual({});
  });

  it('lets a shared start time (?t=) win over the resume position', async () => {
    saveResumePosition(A.mediaKey, 192, 3000);
    render(<LecturePlayer {...A} startAt={30} />);
    await onePlayer();
    expect(screen.queryByText(/Resumed at/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy link at 0:30' })).toBeInTheDocument();
  });
});

describe('keyboard shortcuts', () => {
  it('opens the help on "?" as a modal dialog with focus inside, and gives focus back when it closes', async () => {
    const user = userEvent.setup();
    render(<LecturePlayer {...A} />);
    await onePlayer();
    const opener = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    opener.focus();

    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toHaveAttribute('open');
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    expect(screen.getByRole('row', { name: /Play or pause/ })).toBeInTheDocument();

    // Shortcuts do not act behind an open dialog.
    await user.keyboard('>');
    expect(localStorage.getItem(RATE_STORAGE_KEY)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(opener).toHaveFocus();
  });

  it('leaves keys alone while the viewer types in a text field', async () => {
    const user = userEvent.setup();
    render(
      <>
        <label>
          Note <input type="text" />
        </label>
        <LecturePlayer {...A} />
      </>,
    );
    const player = await onePlayer();
    await user.click(screen.getByRole('textbox', { name: 'Note' }));
    await user.keyboard('>?m');
    expect(screen.getByRole('textbox', { name: 'Note' })).toHaveValue('>?m');
    expect(player.playbackRate()).toBe(1);
    expect(player.muted()).toBe(false);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('mutes on "m" and says so where screen readers hear it', async () => {
    const user = userEvent.setup();
    render(<LecturePlayer {...A} />);
    const player = await onePlayer();
    await user.keyboard('m');
    expect(player.muted()).toBe(true);
    expect(screen.getByText('Muted')).toHaveAttribute('role', 'status');
  });
});

function pretendNetworkLoading() {
  const descriptor = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'networkState')!;
  Object.defineProperty(HTMLMediaElement.prototype, 'networkState', { configurable: true, get: () => 2 });
  return { restore: () => Object.defineProperty(HTMLMediaElement.prototype, 'networkState', descriptor) };
}
