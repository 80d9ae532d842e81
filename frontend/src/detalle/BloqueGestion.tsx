import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { SolicitudDetail } from '../api/types';
import { orDash } from '../shared/format';
import { AsignarForm } from './AsignarForm';
import { Bloque } from './Bloque';
import { BotonAccion } from './BotonAccion';
import { botonGestor, endpointAsignacion, esTerminal, estadoGestion, puede } from './bloques';
import { tipoLugarInicial } from './formularios';
import { GuardarCancelar } from './GuardarCancelar';
import { Info } from './Info';
import { TipoLugarCampos } from './TipoLugarCampos';
import { guardarCambios, type Acciones } from './useAcciones';

/** Block A `Gestion administrativa` (ui.md §7.8). */
export function BloqueGestion({ d, acc }: { d: SolicitudDetail; acc: Acciones }) {
  const gestor = d.asignaciones_vigentes.GESTOR;
  const boton = botonGestor(d);
  return (
    <Bloque titulo="Gestion administrativa" estado={estadoGestion(d)}>
      <div className="info-grid">
        <Info label="Gestor asignado:">{gestor?.nombre ?? 'Sin asignar'}</Info>
        <Info label="Estado atencion:">{d.estado_atencion}</Info>
        <Info label="Tipo atencion:">{orDash(d.tipo_atencion)}</Info>
        <Info label="Lugar atencion:">{orDash(d.lugar_atencion)}</Info>
      </div>
      <div className="btn-row">
        {puede(d, 'EDITAR_DATOS') && !esTerminal(d) && acc.abierto !== 'tipoLugar' && (
          <button type="button" className="btn btn-secondary" onClick={() => acc.abrir('tipoLugar')}>Editar tipo/lugar atencion</button>
        )}
        {acc.abierto !== 'gestor' && <BotonAccion boton={boton} className="btn-primary" onClick={() => acc.abrir('gestor')} />}
      </div>
      {acc.abierto === 'tipoLugar' && <TipoLugarForm d={d} acc={acc} />}
      {acc.abierto === 'gestor' && (
        <AsignarForm titulo={boton.label} rol="GESTOR" ocupado={acc.enCurso === 'form'} onCancelar={acc.cerrar}
                     onConfirmar={(persona) => acc.aplicar('form', () =>
                       api.accion(d.solicitud_id, endpointAsignacion(d, 'GESTOR'), { persona_id_gestor: persona }))} />
      )}
    </Bloque>
  );
}

function TipoLugarForm({ d, acc }: { d: SolicitudDetail; acc: Acciones }) {
  const [inicial] = useState(() => tipoLugarInicial(d));
  const [valores, setValores] = useState(inicial);
  const ocupado = acc.enCurso === 'form';

  function enviar(e: FormEvent) {
    e.preventDefault();
    guardarCambios(acc, d.solicitud_id, inicial, valores);
  }

  return (
    <form className="panel" aria-label="Editar tipo/lugar atencion" onSubmit={enviar}>
      <div className="form-grid">
        <TipoLugarCampos value={valores} onChange={setValores} />
      </div>
      <GuardarCancelar ocupado={ocupado} onCancelar={acc.cerrar} />
    </form>
  );
}
