/** The `Guardar` / `Cancelar` row of the detail's inline forms. */
export function GuardarCancelar({ ocupado, onCancelar }: { ocupado: boolean; onCancelar: () => void }) {
  return (
    <div className="btn-row">
      <button type="submit" className="btn btn-primary" disabled={ocupado}>{ocupado ? 'Guardando...' : 'Guardar'}</button>
      <button type="button" className="btn btn-outline" onClick={onCancelar}>Cancelar</button>
    </div>
  );
}
