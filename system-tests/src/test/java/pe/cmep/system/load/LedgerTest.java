package pe.cmep.system.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LedgerTest {

    @Test
    void acknowledged_actions_fix_the_rows_and_lost_answers_widen_the_range() {
        Ledger ledger = new Ledger();
        ledger.creada(7);
        ledger.acknowledged(7, Accion.OVERRIDE_PAGO);
        ledger.acknowledged(7, Accion.REGISTRAR_PAGO);
        ledger.uncertain(7, Accion.CANCELAR);
        ledger.uncertain(7, Accion.SUBIR_ARCHIVO);
        Ledger.Cuenta cuenta = ledger.cuenta(7);

        assertThat(cuenta.campoMin("solicitud_creada")).isEqualTo(1);
        assertThat(cuenta.campoMax("solicitud_creada")).isEqualTo(1);
        assertThat(cuenta.campoMin("pago_registrado")).isEqualTo(2);
        assertThat(cuenta.campoMin("override")).isEqualTo(1);
        assertThat(cuenta.campoMin("estado_atencion")).isZero();
        assertThat(cuenta.campoMax("estado_atencion")).isEqualTo(1);
        assertThat(cuenta.pagosMin()).isEqualTo(2);
        assertThat(cuenta.pagosMax()).isEqualTo(2);
        assertThat(cuenta.archivosMin()).isZero();
        assertThat(cuenta.archivosMax()).isEqualTo(1);
        assertThat(cuenta.deleted()).isFalse();
        assertThat(cuenta.maybeDeleted()).isFalse();
    }

    @Test
    void a_delete_is_certain_only_when_acknowledged() {
        Ledger ledger = new Ledger();
        ledger.creada(1);
        ledger.creada(2);
        ledger.acknowledged(1, Accion.ELIMINAR);
        ledger.uncertain(2, Accion.ELIMINAR);

        assertThat(ledger.cuenta(1).deleted()).isTrue();
        assertThat(ledger.cuenta(2).deleted()).isFalse();
        assertThat(ledger.cuenta(2).maybeDeleted()).isTrue();
    }
}
