import { useId, useState } from 'react';
import { api } from '../api/client';
import type { SolicitudDetail } from '../api/types';
import { Alert } from '../shared/Feedback';
import { AsignarForm } from './AsignarForm';
import { Bloque } from './Bloque';
import { BotonAccion } from './BotonAccion';
import { ayudaTituloMedico, botonCerrar, botonMedico, endpointAsignacion, estadoMedico, selectorCertificado } from './bloques';
import { faltantesCierre } from './cierre';
import { ComentarioForm } from './ComentarioForm';
import { comentarioBody, ESTADOS_CERTIFICADO, esEstadoCertificado } from './formularios';
import { Info } from './Info';
import { OpcionesSinDefinir } from './OpcionesSinDefinir';
import type { Acciones } from './useAcciones';

/** Block C `Evaluacion medica` (ui.md §7.10); `resultados_medicos` is not shown (OP-11). */
export function BloqueMedico({ d, acc }: { d: SolicitudDetail; acc: Acciones }) {
  const [faltantes, setFaltantes] = useState<string[]>([]);
  const medico = botonMedico(d);

  function abrirCierre() {
    const faltan = faltantesCierre(d);
    setFaltantes(faltan);
    if (faltan.length === 0) acc.abrir('cerrar');
  }

  return (
    <Bloque titulo="Evaluacion medica" estado={estadoMedico(d)} ayuda={ayudaTituloMedico(d)}>
      <div className="info-grid">
        <Info label="Medico asignado:">{d.asignaciones_vigentes.MEDICO?.nombre ?? 'Sin asignar'}</Info>
        <EstadoCertificado d={d} acc={acc} />
      </div>
      <div className="btn-row">
        {acc.abierto !== 'medico' && <BotonAccion boton={medico} className="btn-primary" onClick={() => acc.abrir('medico')} />}
        {acc.abierto !== 'cerrar' && <BotonAccion boton={botonCerrar(d)} className="btn-teal" onClick={abrirCierre} />}
      </div>
      {faltantes.length > 0 && (
        <Alert kind="warning">
          No se puede cerrar aun. Falta:
          <ul className="faltantes">{faltantes.map((f) => <li key={f}>{f}</li>)}</ul>
        </Alert>
      )}
      {acc.abierto === 'medico' && (
        <AsignarForm titulo={medico.label} rol="MEDICO" ocupado={acc.enCurso === 'form'} onCancelar={acc.cerrar}
                     onConfirmar={(persona) => acc.aplicar('form', () =>
                       api.accion(d.solicitud_id, endpointAsignacion(d, 'MEDICO'), { persona_id_medico: persona }))} />
      )}
      {acc.abierto === 'cerrar' && (
        <ComentarioForm titulo="Cerrar solicitud" nota="Se marcara como ATENDIDA. Esta accion no se puede deshacer."
                        label="Comentario (opcional)" confirmar="Confirmar cierre" className="btn-teal"
                        ocupado={acc.enCurso === 'form'} onCancelar={acc.cerrar}
                        onConfirmar={(texto) => acc.aplicar('form', () => api.accion(d.solicitud_id, 'cerrar', comentarioBody(texto)))} />
      )}
    </Bloque>
  );
}

/** Choosing APROBADO or OBSERVADO saves at once; `Sin definir` saves nothing. */
function EstadoCertificado({ d, acc }: { d: SolicitudDetail; acc: Acciones }) {
  const { habilitado, ayuda } = selectorCertificado(d);
  const ayudaId = useId();
  function cambiar(valor: string) {
    if (!esEstadoCertificado(valor)) return;
    void acc.aplicar('certificado', () => api.editarSolicitud(d.solicitud_id, { estado_certificado: valor }));
  }
  return (
    <div className="info info-certificado">
      <label className="certificado">
        <strong>Estado certificado:</strong>
        <select value={d.estado_certificado ?? ''} disabled={!habilitado || acc.enCurso === 'certificado'}
                aria-describedby={ayuda ? ayudaId : undefined} onChange={(e) => cambiar(e.target.value)}>
          <OpcionesSinDefinir valores={ESTADOS_CERTIFICADO} />
        </select>
      </label>
      {ayuda && <span className="helper" id={ayudaId}>{ayuda}</span>}
    </div>
  );
}
