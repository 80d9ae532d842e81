import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';

/** A table row that opens the solicitud: by click, or by Enter when focused with the keyboard. */
export function SolicitudRow({ id, children }: { id: number; children: ReactNode }) {
  const navigate = useNavigate();
  const open = () => navigate(`/app/solicitudes/${id}`);
  return (
    <tr className="clickable" tabIndex={0} onClick={open}
        onKeyDown={(e) => { if (e.key === 'Enter') open(); }}>
      {children}
    </tr>
  );
}
