import { useEffect, useMemo, useState } from 'react';
import type { Recording } from './recording';
import { hasActiveFilters, VisiblePass, type RecordingFilters, type SortState, type VisibleAnswer } from './recordings-view';

/** Lists up to this size are filtered within the render: a pass over them takes a few ms. */
export const FILTER_IN_RENDER_UP_TO = 20_000;
/** A slice of filtering per task: the rest of a frame is left for input and painting. */
const SLICE_MS = 8;

/** The next task, without setTimeout's 4 ms clamp on nested timers. */
function nextTask(callback: () => void): () => void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(null);
  return () => channel.port1.close();
}

/**
 * The records a list view shows (filtered and in order). A small list is filtered as it renders;
 * a large one (100,000 recordings) a slice per task, so that typing in the search box or ticking
 * a filter never blocks the page: until the new answer is ready the last one stays on screen,
 * and `pending` says so. A new question cancels the pass still working on the old one.
 */
export function useVisibleRecordings(
  records: readonly Recording[],
  filters: RecordingFilters,
  sort: SortState,
  now: number,
  { inRenderUpTo = FILTER_IN_RENDER_UP_TO }: { inRenderUpTo?: number } = {},
): { answer: VisibleAnswer; pending: boolean } {
  const request = useMemo(() => ({ records, filters, sort, now }), [records, filters, sort, now]);
  const [latest, setLatest] = useState<VisibleAnswer | null>(null);

  const inRender = records.length <= inRenderUpTo || !hasActiveFilters(filters) || latest === null;
  const immediate = useMemo(() => {
    if (!inRender) return null;
    const pass = new VisiblePass(request);
    pass.run();
    return pass.answer();
  }, [request, inRender]);
  // Remembered, so that it stays on screen while a later answer is worked out in slices.
  if (immediate !== null && latest !== immediate) setLatest(immediate);

  const waiting = immediate === null && latest?.request !== request;
  useEffect(() => {
    if (!waiting) return;
    const pass = new VisiblePass(request);
    let cancel = nextTask(function step() {
      if (pass.run(performance.now() + SLICE_MS)) setLatest(pass.answer());
      else cancel = nextTask(step);
    });
    return () => cancel();
  }, [request, waiting]);

  const answer = immediate ?? latest!;
  return { answer, pending: answer.request !== request };
}
