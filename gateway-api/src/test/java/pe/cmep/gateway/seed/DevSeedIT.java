package pe.cmep.gateway.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pe.cmep.gateway.support.ApiIntegrationTest;

class DevSeedIT extends ApiIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final List<String> TABLES = List.of("personas", "users", "user_role", "empleado", "medico_extra",
            "promotores", "clientes", "servicios");

    @Autowired
    ProdSeed prodSeed;

    @AfterEach
    void backToTheDevSeed() {
        devSeed.reset().block(TIMEOUT);
    }

    @Test
    void reset_gives_exactly_the_rows_and_ids_of_the_spec() {
        devSeed.reset().block(TIMEOUT);
        assertThat(rows("SELECT u.user_id, u.persona_id, u.user_email, u.estado, p.nombres, p.apellidos, "
                + "p.tipo_documento, p.numero_documento, p.email, r.user_role "
                + "FROM users u JOIN personas p ON p.persona_id = u.persona_id "
                + "JOIN user_role r ON r.user_id = u.user_id ORDER BY u.user_id, r.user_role")).containsExactly(
                "1|1|admin@cmep.local|ACTIVO|Admin|Sistema|DNI|00000001|admin@cmep.local|ADMIN",
                "2|2|operador@cmep.local|ACTIVO|Ana|Operadora|DNI|00000002|operador@cmep.local|OPERADOR",
                "3|3|gestor@cmep.local|ACTIVO|Carlos|Gestor|DNI|00000003|gestor@cmep.local|GESTOR",
                "4|4|medico@cmep.local|ACTIVO|Maria|Medico|DNI|00000004|medico@cmep.local|MEDICO",
                "5|5|suspendido@cmep.local|SUSPENDIDO|Suspendido|Test|DNI|00000005|suspendido@cmep.local|OPERADOR");
        assertThat(rows("SELECT empleado_id, persona_id, rol_empleado, estado_empleado FROM empleado ORDER BY empleado_id"))
                .containsExactly("1|2|OPERADOR|ACTIVO", "2|3|GESTOR|ACTIVO", "3|4|MEDICO|ACTIVO");
        assertThat(rows("SELECT persona_id, cmp, especialidad FROM medico_extra"))
                .containsExactly("4|12345|Medicina Ocupacional");
        assertThat(rows("SELECT p.promotor_id, p.tipo_promotor, p.persona_id, p.razon_social, p.ruc, p.email, "
                + "p.fuente_promotor FROM promotores p ORDER BY p.promotor_id")).containsExactly(
                "1|PERSONA|6|null|null|null|Cliente referente",
                "2|EMPRESA|null|Notaria Gonzales & Asociados|20123456789|contacto@notariagonzales.com|Notaria");
        assertThat(rows("SELECT persona_id, nombres, apellidos, tipo_documento, numero_documento FROM personas "
                + "WHERE persona_id = 6")).containsExactly("6|Luis|Promotor Reyes|DNI|11111111");
        assertThat(rows("SELECT c.persona_id, p.nombres, p.apellidos, p.tipo_documento, p.numero_documento, "
                + "p.celular_1, c.estado, c.promotor_id FROM clientes c JOIN personas p ON p.persona_id = c.persona_id "
                + "ORDER BY c.persona_id")).containsExactly(
                "7|Juan|Perez Lopez|DNI|12345678|987654321|ACTIVO|null",
                "8|Rosa|Garcia Torres|DNI|87654321|912345678|ACTIVO|null",
                "9|Pedro|Ramirez Silva|CE|CE001234|999888777|ACTIVO|null");
        assertThat(rows("SELECT servicio_id, descripcion_servicio, tarifa_servicio, moneda_tarifa FROM servicios"))
                .containsExactly("1|Certificado Medico de Evaluacion Profesional|200.00|PEN");
        assertThat(count("SELECT COUNT(*) FROM personas WHERE created_by IS NOT NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM solicitud_cmep") + count("SELECT COUNT(*) FROM sessions")
                + count("SELECT COUNT(*) FROM user_permissions")).isZero();
    }

    @Test
    void passwords_are_stored_as_bcrypt_hashes_with_cost_12() {
        assertThat(rows("SELECT DISTINCT SUBSTRING(password_hash, 1, 7) FROM users")).containsExactly("$2a$12$");
    }

    @Test
    void running_the_seed_again_changes_nothing() {
        String before = snapshot();
        devSeed.ensure().block(TIMEOUT);
        devSeed.ensure().block(TIMEOUT);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void the_seed_restores_missing_seed_rows_and_keeps_other_data() {
        execute("INSERT INTO servicios (descripcion_servicio, tarifa_servicio, moneda_tarifa, created_at) "
                + "VALUES ('Otro servicio', 50.00, 'USD', UTC_TIMESTAMP())");
        execute("DELETE FROM medico_extra");
        devSeed.ensure().block(TIMEOUT);
        assertThat(count("SELECT COUNT(*) FROM medico_extra WHERE persona_id = 4")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM servicios WHERE descripcion_servicio = 'Otro servicio'")).isEqualTo(1);
    }

    @Test
    void prod_seed_on_an_empty_database_creates_only_the_servicio_and_the_admin() {
        wipe();
        prodSeed.apply(new SeedProperties.Admin(" Jefa@Clinica.PE ", "una-clave-larga", "Lucia", "Rojas"))
                .block(TIMEOUT);
        assertThat(rows("SELECT descripcion_servicio, tarifa_servicio, moneda_tarifa FROM servicios"))
                .containsExactly("Certificado Medico de Evaluacion Psicologica|200.00|PEN");
        assertThat(rows("SELECT u.user_email, u.estado, r.user_role, p.tipo_documento, p.numero_documento, p.email, "
                + "p.nombres FROM users u JOIN user_role r ON r.user_id = u.user_id "
                + "JOIN personas p ON p.persona_id = u.persona_id"))
                .containsExactly("jefa@clinica.pe|ACTIVO|ADMIN|DNI|00000001|jefa@clinica.pe|Lucia");
        assertThat(count("SELECT COUNT(*) FROM empleado") + count("SELECT COUNT(*) FROM promotores")
                + count("SELECT COUNT(*) FROM clientes") + count("SELECT COUNT(*) FROM personas")).isEqualTo(1);
        login("jefa@clinica.pe", "una-clave-larga");
    }

    @Test
    void prod_seed_refuses_a_database_that_has_users_and_writes_nothing() {
        String before = snapshot();
        assertThatThrownBy(() -> prodSeed.apply(new SeedProperties.Admin("x@y.pe", "una-clave-larga", "A", "B"))
                .block(TIMEOUT)).hasMessageContaining("already has users");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void prod_seed_requires_the_admin_settings() {
        assertThatThrownBy(() -> ProdSeed.validate(new SeedProperties.Admin("a@b.pe", "short", "A", "B")))
                .hasMessageContaining("8 to 128");
        assertThatThrownBy(() -> ProdSeed.validate(new SeedProperties.Admin(null, "long-enough", "A", "B")))
                .hasMessageContaining("CMEP_ADMIN_EMAIL");
    }

    @Test
    void prod_seed_refuses_an_admin_email_that_is_not_printable_ascii() {
        for (String email : new String[] {"admin\uff20cmep.pe", "admin@cmep.pe\u200b", "adm\u00edn@cmep.pe"}) {
            assertThatThrownBy(() -> ProdSeed.validate(new SeedProperties.Admin(email, "una-clave-larga", "A", "B")))
                    .hasMessageContaining("printable ASCII");
        }
    }

    private void wipe() {
        for (String table : DevSeed.WIPE_ORDER) {
            execute("DELETE FROM " + table);
        }
    }

    private String snapshot() {
        StringBuilder sb = new StringBuilder();
        for (String table : TABLES) {
            sb.append(table).append(':').append(rows("SELECT * FROM " + table + " ORDER BY 1, 2")).append('\n');
        }
        return sb.toString();
    }

    private List<String> rows(String sql) {
        return db.sql(sql).fetch().all()
                .map(DevSeedIT::join)
                .collectList().block();
    }

    private static String join(Map<String, Object> row) {
        return String.join("|", row.values().stream().map(String::valueOf).toList());
    }
}
