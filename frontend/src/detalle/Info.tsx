import type { ReactNode } from 'react';

/** One `Label: value` line of an info grid. */
export function Info({ label, children, full = false }: { label: string; children: ReactNode; full?: boolean }) {
  return (
    <p className={`info${full ? ' info-full' : ''}`}>
      <strong>{label}</strong> {children}
    </p>
  );
}
