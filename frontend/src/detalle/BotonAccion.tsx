import { useId } from 'react';
import type { Boton } from './bloques';

/** A workflow button; when the action is not allowed it stays visible, disabled, with its reason below (ui.md §1.3). */
export function BotonAccion({ boton, className, onClick, ocupado = false }: {
  boton: Boton;
  className: string;
  onClick: () => void;
  ocupado?: boolean;
}) {
  const ayudaId = useId();
  return (
    <div className="action">
      <button type="button" className={`btn ${className}`} disabled={!boton.habilitado || ocupado} onClick={onClick}
              aria-describedby={boton.ayuda ? ayudaId : undefined}>
        {boton.label}
      </button>
      {boton.ayuda && <span className="helper" id={ayudaId}>{boton.ayuda}</span>}
    </div>
  );
}
