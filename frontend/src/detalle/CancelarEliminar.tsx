import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { SolicitudDetail } from '../api/types';
import { hasRole, useUser } from '../auth/AuthProvider';
import { puede } from './bloques';
import { comentarioBody } from './formularios';
import { ComentarioForm } from './ComentarioForm';
import type { Acciones } from './useAcciones';

export const CONFIRMAR_ELIMINAR =
  'Eliminar esta solicitud eliminara todos los datos asociados (pagos, archivos, historial, asignaciones, resultados medicos). Esta accion es irreversible. Continuar?';

/** ui.md §7.5: `Cancelar solicitud` exists only when CANCELAR is allowed; deleting is for the ADMIN role (OP-3). */
export function CancelarEliminar({ d, acc }: { d: SolicitudDetail; acc: Acciones }) {
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const puedeCancelar = puede(d, 'CANCELAR');
  const formAbierto = acc.abierto === 'cancelar';
  const esAdmin = hasRole(user, 'ADMIN');

  async function eliminar() {
    if (!window.confirm(CONFIRMAR_ELIMINAR)) return;
    await acc.ejecutar('eliminar', async () => {
      await api.eliminarSolicitud(d.solicitud_id);
      queryClient.removeQueries({ queryKey: ['solicitud', d.solicitud_id] });
      await queryClient.invalidateQueries({ queryKey: ['solicitudes'] });
      navigate('/app/solicitudes');
    });
  }

  if (!puedeCancelar && !esAdmin && !formAbierto) return null;
  return (
    <>
      <div className="btn-row">
        {puedeCancelar && !formAbierto && (
          <button type="button" className="btn btn-dark-danger" onClick={() => acc.abrir('cancelar')}>Cancelar solicitud</button>
        )}
        {esAdmin && (
          <button type="button" className="btn btn-danger" disabled={acc.enCurso !== null} onClick={eliminar}>
            {acc.enCurso === 'eliminar' ? 'Eliminando...' : 'Eliminar solicitud'}
          </button>
        )}
      </div>
      {formAbierto && (
        <ComentarioForm titulo="Cancelar solicitud" nota="Se marcara como CANCELADA. Solo un admin podra revertir via Override."
                        label="Motivo (opcional)" placeholder="Razon de cancelacion..." confirmar="Confirmar cancelacion"
                        className="btn-dark-danger" ocupado={acc.enCurso === 'form'} onCancelar={acc.cerrar}
                        onConfirmar={(texto) => acc.aplicar('form', () => api.accion(d.solicitud_id, 'cancelar', comentarioBody(texto)))} />
      )}
    </>
  );
}
