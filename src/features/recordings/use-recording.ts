import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { recordingQueries } from './recordings-queries';
import type { Recording } from './recording';

/**
 * One recording by id, and the other recordings of its room. When the room is known (from the
 * URL) only that room is fetched, so a shared link opens fast even for a huge account; the
 * account's list is used as well when it is already in the cache.
 */
export function useRecording(clientId: string, recordingId: string, roomId: string | null) {
  const query = useQuery(roomId === null ? recordingQueries.all(clientId) : recordingQueries.room(clientId, roomId));
  const fallback = useQuery({ ...recordingQueries.all(clientId), enabled: false });
  const recording = useMemo<Recording | undefined>(
    () =>
      query.data?.records.find((r) => r.id === recordingId) ?? fallback.data?.records.find((r) => r.id === recordingId),
    [query.data, fallback.data, recordingId],
  );
  // Same class_id, so a room name shared by two sub-clients of a platform account stays apart.
  const classId = recording?.classId;
  const sourceRecords = query.data?.records;
  const roomRecordings = useMemo(
    () => (classId === undefined || classId === '' || !sourceRecords ? undefined : sourceRecords.filter((r) => r.classId === classId)),
    [sourceRecords, classId],
  );
  return {
    recording,
    roomRecordings,
    complete: query.data?.complete ?? false,
    error: query.error,
    isError: query.isError,
    refetch: query.refetch,
  };
}
