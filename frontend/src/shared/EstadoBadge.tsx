import { estadoColor, estadoLabel } from './estados';

export function EstadoBadge({ estado }: { estado: string }) {
  return (
    <span className="badge" style={{ background: estadoColor(estado) }} data-estado={estado}>
      {estadoLabel(estado)}
    </span>
  );
}
