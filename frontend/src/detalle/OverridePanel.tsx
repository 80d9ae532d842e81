import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Servicio, SolicitudDetail } from '../api/types';
import { EmpleadoSelect } from './EmpleadoSelect';
import {
  ESTADOS_CERTIFICADO, OVERRIDE_ACCIONES, overrideBody, overrideDatosIniciales, overrideDatosPayload, pagoCompleto,
  pagoInicial, pagoPayload, type OverrideAccion, type OverrideDatosForm,
} from './formularios';
import { OpcionesSinDefinir } from './OpcionesSinDefinir';
import { PagoCampos } from './PagoCampos';
import { TipoLugarCampos } from './TipoLugarCampos';
import type { Acciones } from './useAcciones';

/** OP-1: shown only when OVERRIDE is allowed; after a success it starts again from the fresh data. */
export function OverridePanel({ d, acc }: { d: SolicitudDetail; acc: Acciones }) {
  const [version, setVersion] = useState(0);
  return (
    <section className="section override-panel" aria-labelledby="override-titulo">
      <h2 id="override-titulo">Override (admin)</h2>
      <OverrideForm key={version} d={d} acc={acc} onHecho={() => setVersion((v) => v + 1)} />
    </section>
  );
}

function OverrideForm({ d, acc, onHecho }: { d: SolicitudDetail; acc: Acciones; onHecho: () => void }) {
  const [motivo, setMotivo] = useState('');
  const [accion, setAccion] = useState<OverrideAccion>('EDITAR_DATOS');
  const [datosIniciales] = useState(() => overrideDatosIniciales(d));
  const [datos, setDatos] = useState(datosIniciales);
  const [persona, setPersona] = useState('');
  const [pago, setPago] = useState(() => pagoInicial());
  const ocupado = acc.enCurso === 'override';

  const esCambio = accion === 'CAMBIAR_GESTOR' || accion === 'CAMBIAR_MEDICO';
  const completo = esCambio ? persona !== '' : accion === 'REGISTRAR_PAGO' ? pagoCompleto(pago) : true;

  function payload(): Record<string, unknown> {
    switch (accion) {
      case 'EDITAR_DATOS': return overrideDatosPayload(datosIniciales, datos);
      case 'CAMBIAR_GESTOR': return { persona_id_gestor: Number(persona) };
      case 'CAMBIAR_MEDICO': return { persona_id_medico: Number(persona) };
      case 'REGISTRAR_PAGO': return pagoPayload(pago);
      default: return {};
    }
  }

  async function enviar(e: FormEvent) {
    e.preventDefault();
    const ok = await acc.aplicar('override', () => api.accion(d.solicitud_id, 'override', overrideBody(motivo, accion, payload())));
    if (ok) onHecho();
  }

  return (
    <form aria-label="Override (admin)" onSubmit={enviar}>
      <div className="form-grid">
        <label className="field">
          <span>Motivo *</span>
          {/* the pattern refuses a motivo of only spaces, which the API would answer with 422 */}
          <input type="text" value={motivo} required pattern=".*\S.*" onChange={(e) => setMotivo(e.target.value)} />
        </label>
        <label className="field">
          <span>Accion</span>
          <select value={accion} onChange={(e) => { setAccion(e.target.value as OverrideAccion); setPersona(''); }}>
            {OVERRIDE_ACCIONES.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
      </div>
      <div className="override-campos">
        {accion === 'EDITAR_DATOS' && <DatosCampos value={datos} onChange={setDatos} />}
        {accion === 'CAMBIAR_GESTOR' && (
          <EmpleadoSelect rol="GESTOR" label="Gestor *" placeholder="-- Seleccionar gestor --" value={persona} onChange={setPersona} />
        )}
        {accion === 'CAMBIAR_MEDICO' && (
          <EmpleadoSelect rol="MEDICO" label="Medico *" placeholder="-- Seleccionar medico --" value={persona} onChange={setPersona} />
        )}
        {accion === 'REGISTRAR_PAGO' && <PagoCampos value={pago} onChange={setPago} />}
        {accion === 'CERRAR' && <p className="small">Marca la solicitud como ATENDIDA sin verificar requisitos.</p>}
        {accion === 'CANCELAR' && <p className="small">Marca la solicitud como CANCELADA; el motivo queda como motivo de cancelacion.</p>}
      </div>
      <div className="btn-row">
        <button type="submit" className="btn btn-dark-danger" disabled={ocupado || !completo}>
          {ocupado ? 'Procesando...' : 'Aplicar override'}
        </button>
      </div>
    </form>
  );
}

/** EDITAR_DATOS carries only the solicitud-level fields the API applies in an override. */
function DatosCampos({ value, onChange }: { value: OverrideDatosForm; onChange: (v: OverrideDatosForm) => void }) {
  const [servicios, setServicios] = useState<Servicio[]>([]);
  useEffect(() => {
    let activo = true;
    api.servicios().then((lista) => activo && setServicios(lista), () => activo && setServicios([]));
    return () => { activo = false; };
  }, []);
  const set = (key: keyof OverrideDatosForm, v: string) => onChange({ ...value, [key]: v });
  return (
    <div className="form-grid">
      <TipoLugarCampos value={value} onChange={(tl) => onChange({ ...value, ...tl })} />
      <label className="field">
        <span>Servicio</span>
        <select value={value.servicio_id} onChange={(e) => set('servicio_id', e.target.value)}>
          <option value="">Sin cambio</option>
          {servicios.map((s) => (
            <option key={s.servicio_id} value={s.servicio_id}>
              {s.descripcion_servicio} — {s.moneda_tarifa} {s.tarifa_servicio}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Estado certificado</span>
        <select value={value.estado_certificado} onChange={(e) => set('estado_certificado', e.target.value)}>
          <OpcionesSinDefinir valores={ESTADOS_CERTIFICADO} />
        </select>
      </label>
      <label className="field full">
        <span>Comentario</span>
        <textarea rows={2} value={value.comentario} onChange={(e) => set('comentario', e.target.value)} />
      </label>
    </div>
  );
}
