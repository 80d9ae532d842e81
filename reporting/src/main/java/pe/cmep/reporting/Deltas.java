package pe.cmep.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an event changes in the daily tables: a solicitud's contribution after the event minus its contribution
 * before, both computed from rows read under lock in the event's transaction. The projector applies states, never
 * deltas it was sent, so a redelivered or stale event (which changes no row) changes no figure either.
 */
final class Deltas {

    private final Map<TablaDiaria, Map<List<Object>, BigDecimal[]>> cambios = new EnumMap<>(TablaDiaria.class);

    /** The solicitud row's counts: its day and estado, its gestor, medico and the user who registered it. */
    Deltas fila(FilaReporte f, int signo) {
        if (f == null) {
            return this;
        }
        LocalDate dia = f.dia();
        sumar(TablaDiaria.DIA, List.of(dia, f.estadoOperativo()), signo, 1);
        int cerrada = f.cerrada() ? 1 : 0;
        miembro("GESTOR", dia, f.gestorPersonaId(), signo, cerrada);
        miembro("MEDICO", dia, f.medicoPersonaId(), signo, cerrada);
        miembro("OPERADOR", dia, f.creadoPor(), signo, cerrada);
        return this;
    }

    /**
     * The days on which one cliente registered solicitudes with one promotor (a day once per solicitud): each
     * distinct day counts one cliente under the days since the previous one, and its solicitudes.
     */
    Deltas grupo(int promotorId, List<LocalDate> dias, int signo) {
        TreeMap<LocalDate, Integer> porDia = new TreeMap<>();
        dias.forEach(d -> porDia.merge(d, 1, Integer::sum));
        LocalDate anterior = null;
        for (Map.Entry<LocalDate, Integer> e : porDia.entrySet()) {
            sumar(TablaDiaria.PROMOTOR, List.of(e.getKey(), promotorId, desde(anterior, e.getKey())), signo, 1,
                    e.getValue());
            anterior = e.getKey();
        }
        return this;
    }

    /** One solicitud's payments: the sums per day and currency, and each distinct date under its gap. */
    Deltas pagos(List<PagoReporte> pagos, int signo) {
        TreeMap<LocalDate, Boolean> fechas = new TreeMap<>();
        for (PagoReporte p : pagos) {
            sumar(TablaDiaria.PAGO, List.of(p.fechaPago(), p.moneda()), signo, BigDecimal.ONE, p.monto());
            fechas.put(p.fechaPago(), true);
        }
        LocalDate anterior = null;
        for (LocalDate fecha : fechas.keySet()) {
            sumar(TablaDiaria.PAGO_SOLICITUD, List.of(fecha, desde(anterior, fecha)), signo, 1);
            anterior = fecha;
        }
        return this;
    }

    /** Per table, the keys whose figures change and by how much; keys that cancel out are left out. */
    Map<TablaDiaria, Map<List<Object>, BigDecimal[]>> cambios() {
        Map<TablaDiaria, Map<List<Object>, BigDecimal[]>> result = new EnumMap<>(TablaDiaria.class);
        cambios.forEach((tabla, filas) -> {
            Map<List<Object>, BigDecimal[]> distintas = new LinkedHashMap<>();
            filas.forEach((clave, cifras) -> {
                if (Arrays.stream(cifras).anyMatch(c -> c.signum() != 0)) {
                    distintas.put(clave, cifras);
                }
            });
            if (!distintas.isEmpty()) {
                result.put(tabla, distintas);
            }
        });
        return result;
    }

    private void miembro(String rol, LocalDate dia, Integer id, int signo, int cerrada) {
        if (id != null) {
            sumar(TablaDiaria.EQUIPO, List.of(rol, dia, id), signo, 1, cerrada);
        }
    }

    /** Days since the previous date, 0 for the first. */
    private static int desde(LocalDate anterior, LocalDate dia) {
        return anterior == null ? 0 : (int) ChronoUnit.DAYS.between(anterior, dia);
    }

    private void sumar(TablaDiaria tabla, List<Object> clave, int signo, long... cifras) {
        sumar(tabla, clave, signo, Arrays.stream(cifras).mapToObj(BigDecimal::valueOf).toArray(BigDecimal[]::new));
    }

    private void sumar(TablaDiaria tabla, List<Object> clave, int signo, BigDecimal... cifras) {
        BigDecimal[] actual = cambios.computeIfAbsent(tabla, t -> new LinkedHashMap<>())
                .computeIfAbsent(new ArrayList<>(clave), c -> {
                    BigDecimal[] cero = new BigDecimal[cifras.length];
                    Arrays.fill(cero, BigDecimal.ZERO);
                    return cero;
                });
        for (int i = 0; i < cifras.length; i++) {
            actual[i] = actual[i].add(cifras[i].multiply(BigDecimal.valueOf(signo)));
        }
    }
}
