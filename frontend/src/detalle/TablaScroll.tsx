import type { ReactNode } from 'react';

/** A horizontally scrollable table (ui.md §12); focusable so that keyboard users can scroll it too. */
export function TablaScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
