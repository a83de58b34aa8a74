import { useEffect, useId, useRef } from 'react';
import { SHORTCUTS } from './player-shortcuts';

const SPOKEN: Record<string, string> = {
  '←': 'Left arrow',
  '→': 'Right arrow',
  '↑': 'Up arrow',
  '↓': 'Down arrow',
  '<': 'Less-than sign',
  '>': 'Greater-than sign',
  '?': 'Question mark',
};

/**
 * The keyboard shortcuts, in a real modal dialog: `<dialog>` with showModal() keeps focus inside
 * and the page behind inert, Escape closes it, and focus goes back to where it was.
 */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    closeRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // The opener may have gone (say, fullscreen ended); then focus stays where the browser puts it.
      if (opener?.isConnected) opener.focus();
    };
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="shortcuts-dialog"
      aria-labelledby={headingId}
      aria-describedby={descriptionId}
      // Escape, or close() from anywhere: React hears of it here.
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === ref.current) onClose();
      }}
    >
      <div className="shortcuts-dialog__body">
        <h2 id={headingId}>Keyboard shortcuts</h2>
        <p id={descriptionId} className="muted">
          They work anywhere on this page except while typing in a text field.
        </p>
        <table className="shortcuts-dialog__table">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">What it does</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.description}>
                <td>
                  {shortcut.keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 ? <span className="muted"> or </span> : null}
                      <kbd>
                        {SPOKEN[key] ? (
                          <>
                            <span aria-hidden="true">{key}</span>
                            <span className="visually-hidden">{SPOKEN[key]}</span>
                          </>
                        ) : (
                          key
                        )}
                      </kbd>
                    </span>
                  ))}
                </td>
                <td>{shortcut.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="shortcuts-dialog__actions">
          <button ref={closeRef} type="button" className="button button--primary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
