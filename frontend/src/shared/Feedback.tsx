import type { ReactNode } from 'react';

export function FullScreenLoading() {
  return <div className="fullscreen-loading" role="status">Cargando...</div>;
}

export function Loading({ text = 'Cargando...' }: { text?: string }) {
  return <p className="muted" role="status">{text}</p>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="muted">{children}</p>;
}

type AlertKind = 'error' | 'success' | 'warning' | 'info';

export function Alert({ kind, children, className }: { kind: AlertKind; children: ReactNode; className?: string }) {
  return (
    <div className={`alert alert-${kind}${className ? ` ${className}` : ''}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
