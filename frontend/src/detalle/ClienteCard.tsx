import type { SolicitudDetail } from '../api/types';
import { formatDateTime, orDash } from '../shared/format';
import { esTerminal, puede } from './bloques';
import { EditarDatosForm } from './EditarDatosForm';
import { Info } from './Info';
import type { Acciones } from './useAcciones';

/** ui.md §7.6: client, apoderado and promoter data, with the `Editar datos` form under the card. */
export function ClienteCard({ d, acc }: { d: SolicitudDetail; acc: Acciones }) {
  const editando = acc.abierto === 'datos';
  const { cliente, apoderado, promotor } = d;
  return (
    <>
      <section className="cliente-card" aria-labelledby="datos-cliente">
        <div className="card-head">
          <h2 id="datos-cliente">Datos del cliente</h2>
          {puede(d, 'EDITAR_DATOS') && !editando
            ? <button type="button" className="btn btn-outline btn-sm" onClick={() => acc.abrir('datos')}>Editar datos</button>
            : esTerminal(d) && <span className="helper">Solicitud finalizada.</span>}
        </div>
        <div className="info-grid">
          <Info label="Tipo documento:">{cliente.tipo_documento}</Info>
          <Info label="Nro documento:">{cliente.numero_documento}</Info>
          <Info label="Nombre:">{cliente.nombre}</Info>
          <Info label="Celular:">{orDash(cliente.celular)}</Info>
          <Info label="Email:">{orDash(cliente.email)}</Info>
          <Info label="Fecha nacimiento:">{orDash(cliente.fecha_nacimiento)}</Info>
          <Info label="Direccion:" full>{orDash(cliente.direccion)}</Info>
        </div>
        {apoderado && (
          <>
            <h3>Datos del Apoderado</h3>
            <div className="info-grid">
              <Info label="Tipo Documento:">{apoderado.tipo_documento}</Info>
              <Info label="Nro Documento:">{apoderado.numero_documento}</Info>
              <Info label="Nombre:">{apoderado.nombres} {apoderado.apellidos}</Info>
              <Info label="Celular:">{orDash(apoderado.celular_1)}</Info>
              <Info label="Email:">{orDash(apoderado.email)}</Info>
              <Info label="Fecha nacimiento:">{orDash(apoderado.fecha_nacimiento)}</Info>
              <Info label="Direccion:" full>{orDash(apoderado.direccion)}</Info>
            </div>
          </>
        )}
        {promotor && (
          <>
            <h3>Datos del Promotor</h3>
            <div className="info-grid">
              <Info label="Tipo:">{promotor.tipo_promotor}</Info>
              <Info label="Nombre:">{promotor.nombre}</Info>
              <Info label="RUC:">{orDash(promotor.ruc)}</Info>
              <Info label="Email:">{orDash(promotor.email)}</Info>
              <Info label="Celular:">{orDash(promotor.celular)}</Info>
              <Info label="Fuente:">{orDash(promotor.fuente_promotor)}</Info>
            </div>
          </>
        )}
        <div className="card-foot small">
          <Info label="Creado:">{formatDateTime(d.created_at)}</Info>
          {d.fecha_cierre && <Info label="Fecha cierre:">{formatDateTime(d.fecha_cierre)}</Info>}
          {d.fecha_cancelacion && <Info label="Fecha cancelacion:">{formatDateTime(d.fecha_cancelacion)}</Info>}
          {d.comentario && <Info label="Comentario:">{d.comentario}</Info>}
          {d.comentario_admin && <Info label="Comentario admin:">{d.comentario_admin}</Info>}
        </div>
      </section>
      {editando && <EditarDatosForm d={d} acc={acc} />}
    </>
  );
}
