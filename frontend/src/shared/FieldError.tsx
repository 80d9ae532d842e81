/** A 422 detail shown under its field (ui.md OP-12). */
export function FieldError({ id, message }: { id?: string; message?: string }) {
  return message ? <small className="field-error" id={id}>{message}</small> : null;
}
