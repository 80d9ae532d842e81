import { describe, expect, it } from 'vitest';
import { escribirFiltros, leerFiltros, totalPaginas } from './listaParams';

describe('list state in the URL', () => {
  it.each([
    ['', { page: 1, q: '', estado: '' }],
    ['page=3&q=Quispe&estado_operativo=PAGADO', { page: 3, q: 'Quispe', estado: 'PAGADO' }],
    ['page=0', { page: 1, q: '', estado: '' }],
    ['page=abc&estado_operativo=NADA', { page: 1, q: '', estado: '' }],
    ['page=2.5&q=%20x%20', { page: 1, q: 'x', estado: '' }],
  ])('%s reads as %o', (query, expected) => {
    expect(leerFiltros(new URLSearchParams(query))).toEqual(expected);
  });

  it('writes only what differs from the defaults', () => {
    expect(escribirFiltros({ page: 1, q: '', estado: '' }).toString()).toBe('');
    expect(escribirFiltros({ page: 2, q: 'Ana', estado: 'CERRADO' }).toString()).toBe('page=2&q=Ana&estado_operativo=CERRADO');
  });

  it.each([[0, 1], [20, 1], [21, 2], [57, 3]])('%s results make %s pages', (total, pages) => {
    expect(totalPaginas(total)).toBe(pages);
  });
});
