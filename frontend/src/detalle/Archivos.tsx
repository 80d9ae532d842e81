import { useRef, useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api/client';
import type { ArchivoItem, SolicitudDetail, TipoArchivo } from '../api/types';
import { Alert, Empty } from '../shared/Feedback';
import { formatSize } from '../shared/format';
import { TablaScroll } from './TablaScroll';
import type { Acciones } from './useAcciones';

const TIPOS: { value: TipoArchivo; label: string }[] = [
  { value: 'DOCUMENTO', label: 'Documento' },
  { value: 'EVIDENCIA_PAGO', label: 'Evidencia de pago' },
  { value: 'OTROS', label: 'Otros' },
];

/** ui.md §7.11: upload errors stay inside this section; a file delete's error goes to the page alert. */
export function Archivos({ d, acc }: { d: SolicitudDetail; acc: Acciones }) {
  const [archivo, setArchivo] = useState<File | null>(null);
  const [tipo, setTipo] = useState<TipoArchivo>('DOCUMENTO');
  const [subiendo, setSubiendo] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function subir(e: FormEvent) {
    e.preventDefault();
    if (!archivo) return;
    setError(null);
    setSubiendo(true);
    try {
      await api.subirArchivo(d.solicitud_id, archivo, tipo);
      setArchivo(null);
      if (input.current) input.current.value = '';
      setTipo('DOCUMENTO');
      await acc.recargar();
    } catch (err) {
      setError(errorMessage(err, 'Falló la subida del archivo. Intenta nuevamente.'));
    } finally {
      setSubiendo(false);
    }
  }

  function eliminar(a: ArchivoItem) {
    if (!window.confirm('Eliminar este archivo?')) return;
    void acc.ejecutar(`archivo-${a.archivo_id}`, async () => {
      await api.eliminarArchivo(a.archivo_id);
      await acc.recargar();
    });
  }

  return (
    <section className="section" aria-labelledby="archivos-titulo">
      <h2 id="archivos-titulo">Archivos</h2>
      <form className="upload-row" aria-label="Subir archivo" onSubmit={subir}>
        <label className="field">
          <span>Archivo</span>
          <input ref={input} type="file" onChange={(e) => setArchivo(e.target.files?.[0] ?? null)} />
        </label>
        <label className="field">
          <span>Tipo de archivo</span>
          <select value={tipo} onChange={(e) => setTipo(e.target.value as TipoArchivo)}>
            {TIPOS.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
          </select>
        </label>
        <button type="submit" className="btn btn-primary" disabled={!archivo || subiendo}>
          {subiendo ? 'Subiendo...' : 'Subir archivo'}
        </button>
      </form>
      {error && <Alert kind="error">{error}</Alert>}
      {d.archivos.length === 0 ? <Empty>Sin archivos adjuntos.</Empty> : (
        <TablaScroll label="Tabla de archivos">
          <table className="table">
            <thead><tr><th>Nombre</th><th>Tipo</th><th>Tamano</th><th>Acciones</th></tr></thead>
            <tbody>
              {d.archivos.map((a) => (
                <tr key={a.id}>
                  <td className="texto">{a.nombre ?? 'archivo'}</td>
                  <td>{a.tipo}<Verificacion estado={a.estado_verificacion} /></td>
                  <td>{formatSize(a.tamano_bytes)}</td>
                  <td>
                    <div className="acciones-archivo">
                      {a.estado_verificacion !== 'RECHAZADO' && (
                        <a className="btn btn-blue btn-sm" href={api.archivoUrl(a.archivo_id)} download={a.nombre ?? 'archivo'}>Descargar</a>
                      )}
                      <button type="button" className="btn btn-danger btn-sm" disabled={acc.enCurso !== null} onClick={() => eliminar(a)}>
                        {acc.enCurso === `archivo-${a.archivo_id}` ? 'Eliminando...' : 'Eliminar'}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TablaScroll>
      )}
    </section>
  );
}

/** The file-worker's verdict (OP-18): nothing once verified. */
function Verificacion({ estado }: { estado: ArchivoItem['estado_verificacion'] }) {
  if (estado === 'PENDIENTE') return <span className="tag">verificando</span>;
  if (estado === 'RECHAZADO') return <span className="tag tag-danger">rechazado</span>;
  return null;
}
