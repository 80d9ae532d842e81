import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { SolicitudDetail } from '../api/types';
import { Empty } from '../shared/Feedback';
import { formatDateTime, formatMontoDetalle, orDash } from '../shared/format';
import { Bloque } from './Bloque';
import { BotonAccion } from './BotonAccion';
import { botonPago, estadoPago } from './bloques';
import { pagoCompleto, pagoInicial, pagoPayload } from './formularios';
import { Info } from './Info';
import { PagoCampos } from './PagoCampos';
import { TablaScroll } from './TablaScroll';
import type { Acciones } from './useAcciones';

/** Block B `Pago` (ui.md §7.9). */
export function BloquePago({ d, acc }: { d: SolicitudDetail; acc: Acciones }) {
  return (
    <Bloque titulo="Pago" estado={estadoPago(d)}>
      <div className="info-grid">
        <Info label="Estado pago:">{d.estado_pago}</Info>
        <Info label="Tarifa regular:">{formatMontoDetalle(d.tarifa_moneda, d.tarifa_monto)}</Info>
        <Info label="Pagos registrados:">{d.pagos.length}</Info>
      </div>
      {d.pagos.length === 0 ? <Empty>No hay pagos registrados.</Empty> : (
        <TablaScroll label="Tabla de pagos">
          <table className="table">
            <thead>
              <tr><th>Canal</th><th>Fecha</th><th>Monto</th><th>Referencia</th><th>Comentario</th><th>Validado</th></tr>
            </thead>
            <tbody>
              {d.pagos.map((p) => (
                <tr key={p.pago_id}>
                  <td>{p.canal_pago}</td>
                  <td>{p.fecha_pago}</td>
                  <td>{formatMontoDetalle(p.moneda, p.monto)}</td>
                  <td className="texto">{orDash(p.referencia_transaccion)}</td>
                  <td className="texto">{orDash(p.comentario)}</td>
                  <td>{p.validated_at ? formatDateTime(p.validated_at) : 'Pendiente'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TablaScroll>
      )}
      {acc.abierto === 'pago'
        ? <RegistrarPagoForm d={d} acc={acc} />
        : <div className="btn-row"><BotonAccion boton={botonPago(d)} className="btn-success" onClick={() => acc.abrir('pago')} /></div>}
    </Bloque>
  );
}

function RegistrarPagoForm({ d, acc }: { d: SolicitudDetail; acc: Acciones }) {
  const [pago, setPago] = useState(() => pagoInicial());
  const ocupado = acc.enCurso === 'form';
  function enviar(e: FormEvent) {
    e.preventDefault();
    void acc.aplicar('form', () => api.accion(d.solicitud_id, 'registrar-pago', pagoPayload(pago)));
  }
  return (
    <form className="panel" aria-label="Registrar pago" onSubmit={enviar}>
      <h3>Registrar pago</h3>
      <PagoCampos value={pago} onChange={setPago} />
      <div className="btn-row">
        <button type="submit" className="btn btn-success" disabled={ocupado || !pagoCompleto(pago)}>
          {ocupado ? 'Procesando...' : 'Registrar pago'}
        </button>
        <button type="button" className="btn btn-outline" onClick={acc.cerrar}>Cancelar</button>
      </div>
    </form>
  );
}
