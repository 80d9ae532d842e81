import type { Moneda } from '../api/types';
import { CANALES_PAGO, type PagoForm } from './formularios';

/** The payment fields, shared by `Registrar pago` and the override's REGISTRAR_PAGO. */
export function PagoCampos({ value, onChange }: { value: PagoForm; onChange: (pago: PagoForm) => void }) {
  const set = <K extends keyof PagoForm>(key: K, v: PagoForm[K]) => onChange({ ...value, [key]: v });
  return (
    <div className="form-grid">
      <label className="field">
        <span>Canal de pago *</span>
        <select value={value.canal_pago} onChange={(e) => set('canal_pago', e.target.value)} required>
          {CANALES_PAGO.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </label>
      <label className="field">
        <span>Fecha de pago *</span>
        <input type="date" value={value.fecha_pago} onChange={(e) => set('fecha_pago', e.target.value)} required />
      </label>
      <label className="field">
        <span>Monto *</span>
        <input type="number" step="0.01" min="0.01" placeholder="200.00" value={value.monto}
               onChange={(e) => set('monto', e.target.value)} required />
      </label>
      <label className="field">
        <span>Moneda</span>
        <select value={value.moneda} onChange={(e) => set('moneda', e.target.value as Moneda)}>
          <option value="PEN">PEN</option>
          <option value="USD">USD</option>
        </select>
      </label>
      <label className="field">
        <span>Referencia de transaccion</span>
        <input type="text" placeholder="Numero de operacion, voucher..." value={value.referencia_transaccion}
               onChange={(e) => set('referencia_transaccion', e.target.value)} />
      </label>
      <label className="field">
        <span>Comentario</span>
        <input type="text" placeholder="Ej: descuento aplicado, pago parcial..." value={value.comentario}
               onChange={(e) => set('comentario', e.target.value)} />
      </label>
    </div>
  );
}
