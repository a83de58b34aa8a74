import { useRef } from 'react';
import { useDismissable } from '../../components/use-dismissable';
import { OPTIONAL_COLUMNS, type ColumnVisibility } from './use-column-visibility';

export function ColumnChooser({
  visibility,
  onChange,
}: {
  visibility: ColumnVisibility;
  onChange: (visibility: ColumnVisibility) => void;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  useDismissable(ref);
  return (
    <details className="facet facet--right" ref={ref}>
      <summary className="button">Columns</summary>
      <div className="facet__menu">
        <fieldset>
          <legend className="visually-hidden">Columns to show</legend>
          <p className="muted facet__note">Created and Room are always shown.</p>
          {OPTIONAL_COLUMNS.map((column) => (
            <label key={column.id} className="facet__option">
              <input
                type="checkbox"
                checked={visibility[column.id] !== false}
                onChange={(event) => onChange({ ...visibility, [column.id]: event.target.checked })}
              />
              <span className="facet__label">{column.label}</span>
            </label>
          ))}
        </fieldset>
      </div>
    </details>
  );
}
