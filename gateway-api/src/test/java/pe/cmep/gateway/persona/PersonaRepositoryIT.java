package pe.cmep.gateway.persona;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.gateway.support.ApiIntegrationTest;

/** The one upsert rule of {@code personas}, as every writer but the explicit edits uses it. */
class PersonaRepositoryIT extends ApiIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int ADMIN = 1;

    @Autowired
    PersonaRepository personas;

    @Autowired
    TransactionalOperator tx;

    @Test
    void an_existing_persona_takes_each_differing_non_blank_value_and_the_changes_are_returned() {
        execute("INSERT INTO personas (tipo_documento, numero_documento, nombres, apellidos, celular_1, email, "
                + "fecha_nacimiento) VALUES ('CE', 'CE770001', 'Ana', 'Viejo', '900000001', 'ana@x.pe', '1990-01-02')");
        PersonaDatos datos = new PersonaDatos("CE", "CE770001", "Ana", "Nuevo", " ", null,
                LocalDate.parse("1991-03-04"), "Av. Sol 1");

        PersonaGuardada guardada = upsert(datos);

        assertThat(guardada.cambios()).containsExactly(
                new PersonaCambio("apellidos", "Viejo", "Nuevo"),
                new PersonaCambio("fecha_nacimiento", "1990-01-02", "1991-03-04"),
                new PersonaCambio("direccion", null, "Av. Sol 1"));
        assertThat(count("SELECT COUNT(*) FROM personas WHERE persona_id = " + guardada.personaId()
                + " AND apellidos = 'Nuevo' AND celular_1 = '900000001' AND email = 'ana@x.pe' "
                + "AND fecha_nacimiento = '1991-03-04' AND direccion = 'Av. Sol 1' AND updated_by = " + ADMIN))
                .isEqualTo(1);
        assertThat(upsert(datos).cambios()).isEmpty();
    }

    @Test
    void an_absent_document_is_inserted_and_a_persona_without_document_is_always_new() {
        PersonaGuardada nueva = upsert(new PersonaDatos("DNI", "77000002", "Luz", "Nueva", null, null, null, null));
        assertThat(nueva.cambios()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM personas WHERE numero_documento = '77000002' AND created_by = "
                + ADMIN)).isEqualTo(1);

        PersonaDatos sinDocumento = new PersonaDatos(null, null, "Sin", "Documento", null, null, null, null);
        assertThat(upsert(sinDocumento).personaId()).isNotEqualTo(upsert(sinDocumento).personaId());
    }

    private PersonaGuardada upsert(PersonaDatos datos) {
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        return personas.upsert(datos, ADMIN, now).as(tx::transactional).block(TIMEOUT);
    }
}
