package pe.cmep.gateway.solicitud;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Applies an edit (PATCH, or override EDITAR_DATOS) to a locked solicitud: a field changes
 * only when its text form differs (domain.md §5.2), and each change becomes one historial row.
 */
@Component
class SolicitudEditor {

    private static final List<String> PERSONA_COLUMNS = List.of("nombres", "apellidos", "celular_1", "email",
            "fecha_nacimiento", "direccion");

    private final DatabaseClient db;

    SolicitudEditor(DatabaseClient db) {
        this.db = db;
    }

    Mono<List<Cambio>> apply(LockedSolicitud s, EdicionRequest request, int userId, LocalDateTime now) {
        List<Cambio> cambios = new ArrayList<>();
        return applySolicitud(s.solicitudId(), request.solicitud(), cambios)
                .then(applyPersona(s.clienteId(), "cliente", request.cliente(), userId, now, cambios))
                .then(s.apoderadoId() == null ? Mono.empty()
                        : applyPersona(s.apoderadoId(), "apoderado", request.apoderado(), userId, now, cambios))
                .thenReturn(cambios);
    }

    private Mono<Void> applySolicitud(int solicitudId, List<EdicionRequest.Edit> edits, List<Cambio> cambios) {
        if (edits.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("SELECT tipo_atencion, lugar_atencion, comentario, servicio_id, estado_certificado "
                        + "FROM solicitud_cmep WHERE solicitud_id = :id")
                .bind("id", solicitudId)
                .map((row, meta) -> {
                    Map<String, String> current = new LinkedHashMap<>();
                    current.put("tipo_atencion", Rows.str(row, "tipo_atencion"));
                    current.put("lugar_atencion", Rows.str(row, "lugar_atencion"));
                    current.put("comentario", Rows.str(row, "comentario"));
                    Integer servicio = Rows.integer(row, "servicio_id");
                    current.put("servicio_id", servicio == null ? null : servicio.toString());
                    current.put("estado_certificado", Rows.str(row, "estado_certificado"));
                    return current;
                })
                .one()
                .flatMap(current -> update("solicitud_cmep", "solicitud_id", solicitudId,
                        changed(edits, current, "", cambios), Map.of()));
    }

    private Mono<Void> applyPersona(int personaId, String prefix, List<EdicionRequest.Edit> edits, int userId,
                                    LocalDateTime now, List<Cambio> cambios) {
        if (edits.isEmpty()) {
            return Mono.empty();
        }
        // locked: a concurrent edit of the same persona through another solicitud waits, so each
        // historial row's old value is the value it really replaced
        return db.sql("SELECT " + String.join(", ", PERSONA_COLUMNS) + " FROM personas WHERE persona_id = :id "
                        + "FOR UPDATE")
                .bind("id", personaId)
                .map((row, meta) -> {
                    Map<String, String> current = new LinkedHashMap<>();
                    for (String column : PERSONA_COLUMNS) {
                        current.put(column, column.equals("fecha_nacimiento")
                                ? Formats.date(Rows.date(row, column)) : Rows.str(row, column));
                    }
                    return current;
                })
                .one()
                .flatMap(current -> {
                    List<EdicionRequest.Edit> changed = changed(edits, current, prefix + ".", cambios);
                    return changed.isEmpty() ? Mono.empty()
                            : update("personas", "persona_id", personaId, changed,
                                    Map.of("updated_by", userId, "updated_at", now));
                });
    }

    private static List<EdicionRequest.Edit> changed(List<EdicionRequest.Edit> edits, Map<String, String> current,
                                                      String campoPrefix, List<Cambio> cambios) {
        List<EdicionRequest.Edit> changed = new ArrayList<>();
        for (EdicionRequest.Edit edit : edits) {
            String old = current.get(edit.column());
            String now = edit.text();
            if (old == null ? now != null : !old.equals(now)) {
                changed.add(edit);
                cambios.add(Cambio.of(campoPrefix + edit.column(), old, now));
            }
        }
        return changed;
    }

    private Mono<Void> update(String table, String idColumn, int id, List<EdicionRequest.Edit> changed,
                              Map<String, Object> extra) {
        if (changed.isEmpty()) {
            return Mono.empty();
        }
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
        List<String> sets = new ArrayList<>();
        changed.forEach(e -> sets.add(e.column() + " = :" + e.column()));
        extra.keySet().forEach(k -> sets.add(k + " = :" + k));
        sql.append(String.join(", ", sets)).append(" WHERE ").append(idColumn).append(" = :id");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString()).bind("id", id);
        for (EdicionRequest.Edit e : changed) {
            Object value = e.value();
            spec = value != null ? spec.bind(e.column(), value)
                    : spec.bindNull(e.column(), e.column().equals("fecha_nacimiento") ? LocalDate.class
                            : e.column().equals("servicio_id") ? Integer.class : String.class);
        }
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            spec = spec.bind(e.getKey(), e.getValue());
        }
        return spec.then();
    }
}
