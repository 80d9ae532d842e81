import { useId, type ReactNode } from 'react';
import type { EstadoVisual } from './bloques';

/** A workflow block, coloured by its visual state (ui.md §7.7). */
export function Bloque({ titulo, estado, ayuda, children }: {
  titulo: string;
  estado: EstadoVisual;
  ayuda?: string | null;
  children: ReactNode;
}) {
  const tituloId = useId();
  return (
    <section className={`bloque bloque-${estado}`} data-estado-visual={estado} aria-labelledby={tituloId}>
      <div className="bloque-titulo">
        <span className="dot" aria-hidden="true" />
        <h2 id={tituloId}>{titulo}</h2>
        {ayuda && <span className="helper bloque-ayuda">{ayuda}</span>}
      </div>
      {children}
    </section>
  );
}
