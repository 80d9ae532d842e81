package pe.cmep.gateway.catalogo;

import io.r2dbc.spi.Row;
import java.math.BigDecimal;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** The read-only look-ups of domain.md §5.13: servicios and assignable employees. */
@Repository
class CatalogoRepository {

    private static final String SERVICIOS = """
            SELECT servicio_id, descripcion_servicio, tarifa_servicio, moneda_tarifa
            FROM servicios ORDER BY servicio_id
            """;
    private static final String EMPLEADOS = """
            SELECT e.persona_id, p.nombres, p.apellidos, e.rol_empleado
            FROM empleado e
            JOIN personas p ON p.persona_id = e.persona_id
            LEFT JOIN users u ON u.persona_id = e.persona_id
            WHERE e.rol_empleado = :rol AND e.estado_empleado = 'ACTIVO'
              AND (u.user_id IS NULL OR u.estado = 'ACTIVO')
            ORDER BY e.empleado_id
            """;

    private final DatabaseClient db;

    CatalogoRepository(DatabaseClient db) {
        this.db = db;
    }

    Flux<ServicioItem> servicios() {
        return db.sql(SERVICIOS)
                .map((row, meta) -> servicio(row))
                .all();
    }

    /**
     * Exactly the employees rule R10 accepts (domain.md §10 #19, #30): the employee row ACTIVO for
     * that role and, when the persona has a user account, the account ACTIVO. A role removed from a
     * user has left its employee row SUSPENDIDO (§10 #29), so it is left out as well.
     */
    Flux<EmpleadoItem> empleados(String rol) {
        return db.sql(EMPLEADOS)
                .bind("rol", rol)
                .map((row, meta) -> empleado(row))
                .all();
    }

    private static ServicioItem servicio(Row row) {
        return ServicioItem.of(row.get("servicio_id", Integer.class), row.get("descripcion_servicio", String.class),
                row.get("tarifa_servicio", BigDecimal.class), row.get("moneda_tarifa", String.class));
    }

    private static EmpleadoItem empleado(Row row) {
        return new EmpleadoItem(row.get("persona_id", Integer.class),
                row.get("nombres", String.class) + " " + row.get("apellidos", String.class),
                row.get("rol_empleado", String.class));
    }
}
