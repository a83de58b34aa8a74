import { useEffect } from 'react';

/** Each page names itself, for tabs, history and screen readers. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Recordings`;
  }, [title]);
}
