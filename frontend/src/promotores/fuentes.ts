/** The `Fuente` select of the promoters page, reused by the new-request form (ui.md §8, OP-15). */
export const FUENTES: { label: string; value: string }[] = [
  { label: 'Notarias', value: 'notarias' },
  { label: 'Abogados', value: 'abogados' },
  { label: 'Clientes referentes', value: 'clientes referentes' },
  { label: 'Redes sociales', value: 'redes sociales' },
  { label: 'Otro', value: 'etc' },
];
