package pe.cmep.gateway.solicitud;

import io.r2dbc.spi.Row;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The cliente's and apoderado's fields an edit of the solicitud changes (api.md §7.4). */
@Repository
class PersonaDatosRepository {

    private static final String BLOQUEAR = """
            SELECT persona_id, nombres, apellidos, celular_1, email, fecha_nacimiento, direccion
            FROM personas WHERE persona_id = :id FOR UPDATE
            """;

    private final DatabaseClient db;

    PersonaDatosRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Locked: a concurrent edit of the same persona through another solicitud waits, so each historial row's old
     * value is the value it really replaced.
     */
    Mono<DatosPersona> bloquear(int personaId) {
        return db.sql(BLOQUEAR).bind("id", personaId).map((row, meta) -> datos(row)).one();
    }

    Mono<Void> editar(Escritura.EdicionPersona edicion, Actor actor) {
        List<String> sets = new ArrayList<>();
        edicion.cambios().forEach(e -> sets.add(e.column() + " = :" + e.column()));
        String sql = "UPDATE personas SET " + String.join(", ", sets)
                + ", updated_by = :userId, updated_at = :now WHERE persona_id = :id";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("id", edicion.personaId())
                .bind("userId", actor.userId()).bind("now", actor.ahora());
        for (EdicionRequest.Edit e : edicion.cambios()) {
            spec = e.value() != null ? spec.bind(e.column(), e.value())
                    : spec.bindNull(e.column(), e.column().equals("fecha_nacimiento") ? LocalDate.class : String.class);
        }
        return spec.then();
    }

    private static DatosPersona datos(Row row) {
        return new DatosPersona(Rows.integer(row, "persona_id"), Rows.str(row, "nombres"), Rows.str(row, "apellidos"),
                Rows.str(row, "celular_1"), Rows.str(row, "email"), Formats.date(Rows.date(row, "fecha_nacimiento")),
                Rows.str(row, "direccion"));
    }
}
